import { Duration } from 'luxon';
import * as z from '../../shared/zod';
import { busFaultRoute } from './emulators/eventbridge-fault-routes';
import type { PutEventsFaults } from './emulators/eventbridge-faults';
import type { LocalResponse, LocalRoutesHandler } from './http-server';
import { SES_REFUSAL_STATUS, type SesRefusal, type SesRefusalCode } from './ses-local';

export interface LocalControls {
  now(): Date;
  advanceClock(to: Date): Promise<Date>;
  settle(): Promise<void>;
  mail(to?: string): Promise<unknown[]>;
  events(): readonly unknown[];
  deadLetters(): Record<string, readonly unknown[]>;
  /** Moves a work queue's DLQ messages back to it (SQS's DLQ redrive); undefined for an unknown queue. */
  redrive(queue: string): number | undefined;
  /** Makes the local SES refuse every send as AWS does (`undefined` stops it); the refusal in force. */
  refuseSes(refusal: SesRefusal | undefined): SesRefusal | undefined;
  sesRefusal(): SesRefusal | undefined;
  schedules(): readonly unknown[];
  /** What the fake X API received, oldest first. */
  xPosts(): readonly unknown[];
  /** Starts afresh: empty table, no mail, no schedules, the machine's time. */
  reset(): Promise<void>;
  /** The bus's injected PutEvents failures (/local/bus/faults). */
  busFaults?: PutEventsFaults;
}

const clockRequest = z.union([
  z.strictObject({ to: z.iso.datetime({ offset: true }) }),
  z.strictObject({ advanceBy: z.string().check(z.minLength(2)) }),
]);

const redriveRequest = z.strictObject({ queue: z.string().check(z.minLength(1)) });

const sesFaultRequest = z.strictObject({
  code: z.enum(Object.keys(SES_REFUSAL_STATUS) as [SesRefusalCode, ...SesRefusalCode[]]),
  message: z.optional(z.string().check(z.minLength(1))),
});

const invalid = (message: string): LocalResponse => ({
  status: 400,
  body: { error: { code: 'invalid_request', message, details: [] } },
});

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body || '{}');
  } catch {
    return undefined;
  }
};

/** The routes only the local stack has (API.md, "The local stack only"), plus a few for inspection. */
export const localRoutes =
  (controls: LocalControls): LocalRoutesHandler =>
  async (method, url, body) => {
    const path = url.pathname;
    if (!path.startsWith('/local/')) return undefined;
    const route = `${method} ${path}`;
    const busFault = busFaultRoute(controls.busFaults, route, body);
    if (busFault) return busFault;
    switch (route) {
      case 'GET /local/clock':
        return { status: 200, body: { now: controls.now().toISOString() } };
      case 'POST /local/clock': {
        const parsed = clockRequest.safeParse(parseJson(body));
        if (!parsed.success) return invalid('Send {"to": ISO instant} or {"advanceBy": ISO duration}.');
        let target: Date;
        if ('to' in parsed.data) {
          target = new Date(parsed.data.to);
        } else {
          const duration = Duration.fromISO(parsed.data.advanceBy);
          if (!duration.isValid || duration.toMillis() < 0)
            return invalid('advanceBy must be an ISO duration like PT1H or P7D.');
          target = new Date(controls.now().getTime() + duration.toMillis());
        }
        if (target.getTime() < controls.now().getTime() - 1000) {
          return invalid(`The clock only moves forward; it is ${controls.now().toISOString()} already.`);
        }
        return { status: 200, body: { now: (await controls.advanceClock(target)).toISOString() } };
      }
      case 'POST /local/settle':
        await controls.settle();
        return { status: 200, body: { settled: true, now: controls.now().toISOString() } };
      case 'GET /local/mail':
        return { status: 200, body: await controls.mail(url.searchParams.get('to') ?? undefined) };
      case 'GET /local/events':
        return { status: 200, body: controls.events() };
      case 'GET /local/dead-letters':
        return { status: 200, body: controls.deadLetters() };
      case 'POST /local/dead-letters/redrive': {
        const parsed = redriveRequest.safeParse(parseJson(body));
        if (!parsed.success) return invalid('Send {"queue": "send"}: the work queue whose DLQ to redrive.');
        const moved = controls.redrive(parsed.data.queue);
        if (moved === undefined) return invalid(`No work queue ${parsed.data.queue}.`);
        return { status: 200, body: { queue: parsed.data.queue, moved } };
      }
      case 'GET /local/ses/faults':
        return { status: 200, body: { refusing: controls.sesRefusal() ?? null } };
      case 'POST /local/ses/faults': {
        const parsed = sesFaultRequest.safeParse(parseJson(body));
        if (!parsed.success)
          return invalid(
            `Send {"code": one of ${Object.keys(SES_REFUSAL_STATUS).join(', ')}, "message"?: text}.`,
          );
        const { code, message } = parsed.data;
        return {
          status: 200,
          body: { refusing: controls.refuseSes({ code, ...(message ? { message } : {}) }) ?? null },
        };
      }
      case 'DELETE /local/ses/faults':
        controls.refuseSes(undefined);
        return { status: 200, body: { refusing: null } };
      case 'GET /local/x/posts':
        return { status: 200, body: controls.xPosts() };
      case 'GET /local/schedules':
        return { status: 200, body: controls.schedules() };
      case 'POST /local/reset':
        await controls.reset();
        return { status: 200, body: { reset: true, now: controls.now().toISOString() } };
      default:
        return {
          status: 404,
          body: { error: { code: 'not_found', message: `No local route ${route}.`, details: [] } },
        };
    }
  };
