import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { build } from 'esbuild';
import {
  actorOfClaims,
  auditActionText,
  auditRecordOf,
  idsOfConsoleLocation,
  type Answered,
} from '../../../shared/domain/audit/audit-record';
import { wiring } from '../../../infra/wiring';
import { httpRoutesOf } from '../../../infra/wiring/types';

const actor = { subject: 'sub-1', email: 'org@example.org' };

const answered = (over: Partial<Answered>): Answered => ({
  action: 'registration.erased',
  via: 'api',
  actor,
  method: 'DELETE',
  params: { eventId: 'evt_1', registrationId: 'reg_1' },
  query: {},
  status: 204,
  headers: {},
  body: undefined,
  at: '2027-01-01T10:00:00.000Z',
  auditId: 'aud_1',
  ...over,
});

describe('audit records', () => {
  it('names the person from the claims a token has: subject, email, username', () => {
    expect(actorOfClaims({ sub: 's', email: 'a@b.org', 'cognito:username': 'ann' })).toEqual({
      subject: 's',
      email: 'a@b.org',
      username: 'ann',
    });
    expect(actorOfClaims({ sub: 's', username: 'ann' })).toEqual({ subject: 's', username: 'ann' });
    expect(actorOfClaims({ email: 'a@b.org' })).toBeUndefined();
  });

  it('records a successful erasure by registration id, with who and when, and nothing else about the delegate', () => {
    expect(auditRecordOf(answered({}))).toEqual({
      auditId: 'aud_1',
      eventId: 'evt_1',
      action: 'registration.erased',
      at: '2027-01-01T10:00:00.000Z',
      via: 'api',
      actor,
      registrationId: 'reg_1',
    });
  });

  it('records nothing for a refused or failed answer, or without a person', () => {
    for (const status of [400, 401, 403, 404, 409, 500]) {
      expect(auditRecordOf(answered({ status }))).toBeUndefined();
    }
    expect(auditRecordOf(answered({ actor: undefined }))).toBeUndefined();
  });

  it("takes a created event's id and a check-in by code's registration from the JSON answer", () => {
    expect(
      auditRecordOf(
        answered({
          action: 'event.created',
          params: {},
          status: 201,
          body: '{"eventId":"evt_9","status":"draft"}',
        }),
      ),
    ).toMatchObject({ eventId: 'evt_9', action: 'event.created' });
    const checkIn = auditRecordOf(
      answered({
        action: 'check-in.recorded',
        params: { eventId: 'evt_1' },
        status: 200,
        body: '{"registrationId":"reg_7","status":"attended"}',
      }),
    );
    expect(checkIn).toMatchObject({ registrationId: 'reg_7' });
  });

  it("files a campaign's cancel under the campaign's event from the answer", () => {
    expect(
      auditRecordOf(
        answered({
          action: 'campaign.cancelled',
          params: { campaignId: 'cmp_1' },
          status: 200,
          body: '{"campaignId":"cmp_1","eventId":"evt_3","status":"cancelled"}',
        }),
      ),
    ).toMatchObject({ eventId: 'evt_3', campaignId: 'cmp_1' });
  });

  it('records an export with its format and whether it held needs; survey JSON is not an export', () => {
    const exported = (
      contentType: string,
      include?: string,
      action: Answered['action'] = 'registrations.exported',
    ) =>
      auditRecordOf(
        answered({
          action,
          method: 'GET',
          params: { eventId: 'evt_1' },
          query: include ? { include } : {},
          status: 200,
          headers: { 'content-type': contentType },
          body: '{"eventId":"evt_1","registrations":[{"registrationId":"reg_1"}]}',
        }),
      );
    expect(exported('text/csv; charset=utf-8', 'needs')).toMatchObject({ format: 'csv', includeNeeds: true });
    expect(exported('application/json')).toMatchObject({ format: 'json' });
    expect(exported('application/json')).not.toHaveProperty('includeNeeds');
    expect(exported('application/json')).not.toHaveProperty('registrationId');
    expect(exported('application/json', undefined, 'survey-results.exported')).toBeUndefined();
    expect(exported('text/csv', undefined, 'survey-results.exported')).toMatchObject({ format: 'csv' });
  });

  it('records a console post only when it redirects after doing something, with ids from the redirect or form', () => {
    const posted = (location: string, over: Partial<Answered> = {}) =>
      auditRecordOf(
        answered({ via: 'console', method: 'POST', status: 303, headers: { location }, params: {}, ...over }),
      );
    expect(
      posted('/console/events/evt_5/edit/sessions?done=created', { action: 'event.created' }),
    ).toMatchObject({
      eventId: 'evt_5',
      via: 'console',
    });
    expect(posted('/console/events/evt_5?done=unchanged', { action: 'event.updated' })).toBeUndefined();
    expect(
      posted('/console/events/evt_5/door?done=checked-in&r=reg_2', { action: 'check-in.recorded' }),
    ).toMatchObject({ eventId: 'evt_5', registrationId: 'reg_2' });
    expect(
      posted('/console/events/evt_5/door?done=not-checked-in&r=reg_2', { action: 'check-in.undone' }),
    ).toBeUndefined();
    expect(
      auditRecordOf(
        answered({ via: 'console', method: 'POST', status: 400, headers: {}, action: 'event.created' }),
      ),
    ).toBeUndefined();
    expect(idsOfConsoleLocation('/console/events/evt_1/campaigns/cmp_2?done=sending')).toEqual({
      eventId: 'evt_1',
      campaignId: 'cmp_2',
    });
  });

  it('says what was done in words', () => {
    expect(auditActionText({ action: 'registrations.exported', format: 'csv', includeNeeds: true })).toBe(
      'Exported the registrations as CSV, with access and dietary needs',
    );
    expect(auditActionText({ action: 'check-in.undone' })).toBe('Undid a check-in');
  });
});

describe('audited routes', () => {
  const audited = Object.values(wiring.functions).flatMap((spec) =>
    httpRoutesOf(spec.trigger).flatMap((route) =>
      'audit' in route && route.audit ? [{ ...route, audit: route.audit, kind: spec.trigger.kind }] : [],
    ),
  );

  it('are for organisers only', () => {
    expect(audited.filter((route) => route.auth !== 'organisers')).toEqual([]);
  });

  it('cover every export, erasure, campaign send, event change and check-in, in the API and the console', () => {
    const covered = (kind: string) =>
      new Set(audited.filter((route) => route.kind === kind).map((route) => route.audit));
    const all = [
      'registrations.exported',
      'survey-results.exported',
      'registration.erased',
      'campaign.created',
      'campaign.cancelled',
      'event.created',
      'event.updated',
      'event.published',
      'event.cancelled',
      'check-in.recorded',
    ];
    expect(all.filter((action) => !covered('http').has(action as never))).toEqual([]);
    expect([...all, 'check-in.undone'].filter((action) => !covered('pages').has(action as never))).toEqual(
      [],
    );
  });
});

describe('audited functions', () => {
  const reachesRecorder = async (entry: string): Promise<boolean> => {
    const result = await build({
      entryPoints: [path.join('functions', entry, 'handler.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    return Object.keys(result.metafile.inputs).includes('shared/use-cases/audit/record-audit.ts');
  };

  it.each(Object.entries(wiring.functions).filter(([, spec]) => spec.trigger.kind === 'http'))(
    '%s records exactly when its wiring route declares an action',
    async (_name, spec) => {
      const declared =
        spec.trigger.kind === 'http' && 'audit' in spec.trigger && spec.trigger.audit !== undefined;
      expect(await reachesRecorder(spec.entry)).toBe(declared);
    },
  );
});
