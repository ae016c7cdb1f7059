import { describe, expect, it } from '@jest/globals';
import {
  AudienceCollector,
  inAudience,
  selectRecipients,
  type AudienceCandidate,
  type AudienceStatus,
} from '../../../shared/domain/campaigns/audience';

let n = 0;
const reg = (
  overrides: Partial<AudienceCandidate> & { email?: string; name?: string } = {},
): AudienceCandidate => {
  n += 1;
  const { email, name, ...rest } = overrides;
  return {
    registrationId: `reg_${n}`,
    status: 'confirmed',
    sessions: {},
    requestedAt: new Date(Date.UTC(2027, 0, 1) + n * 1000).toISOString(),
    delegate: {
      name: name ?? `Delegate ${n}`,
      email: email ?? `d${n}@school.example.org`,
      consent: { updates: false },
    },
    ...rest,
  };
};

describe('campaign audiences', () => {
  it('match by status: confirmed, waitlisted and cancelled as they stand; attended by check-in', () => {
    const confirmed = reg();
    const attended = reg({ attendedAt: '2027-04-01T08:10:00.000Z' });
    const waitlisted = reg({ status: 'waitlisted' });
    const cancelled = reg({ status: 'cancelled' });
    const pending = reg({ status: 'pending' });
    const rejected = reg({ status: 'rejected' });
    const all = [confirmed, attended, waitlisted, cancelled, pending, rejected];
    const ids = (status: AudienceStatus[]) => selectRecipients(all, { status }).map((r) => r.registrationId);

    expect(ids(['confirmed'])).toEqual([confirmed.registrationId, attended.registrationId]);
    expect(ids(['attended'])).toEqual([attended.registrationId]);
    expect(ids(['waitlisted'])).toEqual([waitlisted.registrationId]);
    expect(ids(['cancelled'])).toEqual([cancelled.registrationId]);
    expect(ids(['waitlisted', 'cancelled'])).toHaveLength(2);
  });

  it('match by session: holding a place or waiting for one there', () => {
    const inA = reg({ sessions: { 'ws-a': 'confirmed' } });
    const waitingA = reg({ status: 'waitlisted', sessions: { 'ws-a': 'requested' } });
    const waitingForSeat = reg({ sessions: { 'ws-a': 'waitlisted' } });
    const inB = reg({ sessions: { 'ws-b': 'confirmed' } });
    const chosen = selectRecipients([inA, waitingA, waitingForSeat, inB], {
      status: ['confirmed', 'waitlisted'],
      sessionId: 'ws-a',
    }).map((r) => r.registrationId);
    expect(chosen).toEqual([inA.registrationId, waitingA.registrationId, waitingForSeat.registrationId]);
  });

  it('match by survey response, an absent response being none', () => {
    const answered = reg({
      attendedAt: '2027-04-01T08:00:00.000Z',
      surveyRespondedAt: '2027-04-03T10:00:00.000Z',
    });
    const silent = reg({ attendedAt: '2027-04-01T08:05:00.000Z' });
    expect(inAudience(answered, { status: ['attended'], surveyResponded: true })).toBe(true);
    expect(inAudience(silent, { status: ['attended'], surveyResponded: true })).toBe(false);
    expect(inAudience(silent, { status: ['attended'], surveyResponded: false })).toBe(true);
    expect(inAudience(answered, { status: ['attended'], surveyResponded: false })).toBe(false);
  });

  it('never match an erased registration', () => {
    const erased = { ...reg(), delegate: undefined };
    expect(inAudience(erased, { status: ['confirmed'] })).toBe(false);
    expect(selectRecipients([erased], { status: ['confirmed', 'cancelled'] })).toEqual([]);
  });

  it('reach each address once however it matches, preferring the live registration', () => {
    const old = reg({ status: 'cancelled', email: 'Sian@School.example.org' });
    const live = reg({ status: 'confirmed', email: ' sian@school.example.org', name: 'Siân' });
    const other = reg();
    const recipients = selectRecipients([old, live, other], { status: ['confirmed', 'cancelled'] });
    expect(recipients).toEqual([
      { registrationId: live.registrationId, name: 'Siân' },
      { registrationId: other.registrationId, name: other.delegate?.name },
    ]);
  });

  it('dedupe across pages, oldest registration first', () => {
    const a = reg({ email: 'a@x.org' });
    const b = reg({ email: 'b@x.org' });
    const aAgain = reg({ email: 'A@X.org', status: 'cancelled' });
    const collector = new AudienceCollector({ status: ['confirmed', 'cancelled'] });
    collector.add([b, aAgain]);
    collector.add([a]);
    expect(collector.recipients().map((r) => r.registrationId)).toEqual([a.registrationId, b.registrationId]);
  });
});
