import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import { EmailBounced, EmailComplaintReceived, EmailSent, SES_SOURCE } from '../../events/delivery-contracts';
import { upstream } from './emulators/upstream';
import { serve, type RunningServer, type WireRequest, type WireResponse } from './emulators/serve';
import { startMailViewer } from './mail-viewer';
import { startSesProcess } from './ses-process';

/** A mail as `GET /local/mail` shows it: aws-ses-v2-local's stored fields plus the raw source. */
export interface LocalMail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { to: string[]; cc: string[]; bcc: string[] };
  readonly subject: string;
  readonly body: { html?: string; text?: string };
  readonly attachments: { content: string; contentType: string; filename?: string; size: number }[];
  /** When it was sent, by the stack's (virtual) clock: epoch seconds, as aws-ses-v2-local's store counts. */
  readonly at: number;
  readonly raw: string | undefined;
}

/**
 * What a fault does to one send instead of letting SES answer it:
 * - a WireResponse: SES answers that (an AWS error: throttling, an outage); nothing is sent;
 * - `dropUnsent`: the connection closes before SES sees the send; nothing is sent, no event;
 * - `acceptThenDrop`: SES takes the send (the mail is stored and its events go out) and then the
 *   connection closes, so the sender gets a network error and cannot know SES took it. This is the
 *   crash between SES accepting and the ledger update.
 */
export type SesFaultAction = WireResponse | { readonly drop: 'before-ses' | 'after-ses' };
export type SesFault = (request: WireRequest) => SesFaultAction | undefined;

export const dropUnsent: SesFaultAction = { drop: 'before-ses' };
export const acceptThenDrop: SesFaultAction = { drop: 'after-ses' };

/**
 * The HTTP status SES v2 answers each refusal with (its model's, and IAM's 403 for AccessDenied), so the
 * real client raises the same exception class (`MessageRejected`, ...) or, for AccessDenied, which SES
 * v2 does not model, an SESv2ServiceException named `AccessDeniedException`.
 */
export const SES_REFUSAL_STATUS = {
  AccessDeniedException: 403,
  AccountSuspendedException: 400,
  BadRequestException: 400,
  LimitExceededException: 400,
  MailFromDomainNotVerifiedException: 400,
  MessageRejected: 400,
  NotFoundException: 404,
  SendingPausedException: 400,
  TooManyRequestsException: 429,
  InternalServiceErrorException: 500,
} as const;
export type SesRefusalCode = keyof typeof SES_REFUSAL_STATUS;

/** A refusal as `refuse` takes it; without a message, the one AWS gives for the code. */
export interface SesRefusal {
  readonly code: SesRefusalCode;
  readonly message?: string;
}

const defaultMessages = (from: { region: string; accountId: string; identity: string }) =>
  ({
    AccessDeniedException:
      `User: arn:aws:sts::${from.accountId}:assumed-role/convene-local-sendMail/convene-local-sendMail ` +
      `is not authorized to perform: ses:SendRawEmail on resource: ` +
      `arn:aws:ses:${from.region}:${from.accountId}:identity/${from.identity} ` +
      `because no identity-based policy allows the ses:SendRawEmail action`,
    AccountSuspendedException:
      "The message can't be sent because the account's ability to send email has been permanently restricted.",
    BadRequestException: 'The input you provided is invalid.',
    LimitExceededException: 'Daily message quota exceeded.',
    MailFromDomainNotVerifiedException:
      "The message can't be sent because the sending domain isn't verified.",
    MessageRejected:
      `Email address is not verified. The following identities failed the check in region ` +
      `${from.region.toUpperCase()}: ${from.identity}`,
    NotFoundException: 'Configuration set does not exist.',
    SendingPausedException:
      "The message can't be sent because the account's ability to send email is currently paused.",
    TooManyRequestsException: 'Maximum sending rate exceeded.',
    InternalServiceErrorException: "The request couldn't be processed because of an internal error.",
  }) satisfies Record<SesRefusalCode, string>;

/** SES v2's REST-JSON error: the status, `x-amzn-ErrorType` and a `{"message"}` body. */
export const sesRefusal = (code: SesRefusalCode, message: string): WireResponse => ({
  status: SES_REFUSAL_STATUS[code],
  headers: { 'x-amzn-ErrorType': code },
  body: { message },
});

/** An EventBridge entry as SES puts it on the account's default bus. */
export interface SesBusEntry {
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly Resources: string[];
}

export interface LocalSes {
  /** Convene's mail viewer: every mail, newest first, its text shown; `GET /store` as aws-ses-v2-local's. */
  readonly viewerUrl: string;
  /** Where the SESv2 client sends (AWS_ENDPOINT_URL_SESV2): a recorder in front of aws-ses-v2-local. */
  readonly endpoint: string;
  mail(to?: string): Promise<LocalMail[]>;
  /** Lets tests and the local stack answer a send with a fault instead (throttling, outages, drops). */
  setFault(fault: SesFault | undefined): void;
  /**
   * Refuses every send as SES does for a fault of the account or its setup (AccessDenied, an unverified
   * identity, a paused account ...) until `refuse(undefined)`; nothing is stored and no event goes out.
   */
  refuse(refusal: SesRefusal | undefined): void;
  /** The refusal in force, with its message as sent. */
  refusal(): Required<SesRefusal> | undefined;
  /**
   * Where the sending events of sends with a configuration set go (SES's event destination, the default
   * bus on AWS). They go `eventDelayMs` after SES accepted, as SES's come a little after its answer.
   */
  onEvents(sink: ((entries: SesBusEntry[]) => Promise<void>) | undefined): void;
  /** Keeps SES's events back (SES reporting late) until the returned function publishes them. */
  holdEvents(): () => Promise<void>;
  /** Forgets every mail, kept ones included. */
  clear(): Promise<void>;
  /** Stops, keeping the mail in the data folder when there is one. */
  stop(): Promise<void>;
}

const SEND_PATH = '/v2/email/outbound-emails';
/** SES's mailbox simulator: `bounce@` bounces for good, `complaint@` complains; `+label` parts are allowed. */
const SIMULATOR = /^(bounce|complaint)(\+[^@]*)?@simulator\.amazonses\.com$/i;

interface SendEmailBody {
  ConfigurationSetName?: string;
  Content?: { Raw?: { Data?: string } };
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  EmailTags?: { Name: string; Value: string }[];
  FromEmailAddress?: string;
}

/** The header block of a raw message, unfolded, as [lower-case name, value] pairs. */
const headersOf = (raw: string): [string, string][] =>
  (raw.split(/\r?\n\r?\n/, 1)[0] ?? '')
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .flatMap((line) => {
      const colon = line.indexOf(':');
      return colon > 0 ? [[line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]] : [];
    });

/** Who a send goes to, as SES's `mail.destination` lists them: the Destination, else To, Cc and Bcc. */
const recipientsOf = (body: SendEmailBody, raw: string): string[] => {
  const given = body.Destination;
  const listed = given
    ? [...(given.ToAddresses ?? []), ...(given.CcAddresses ?? []), ...(given.BccAddresses ?? [])]
    : headersOf(raw)
        .filter(([name]) => name === 'to' || name === 'cc' || name === 'bcc')
        .map(([, value]) => value);
  return listed.flatMap((field) => addressparser(field, { flatten: true }).map((a) => a.address));
};

const sourceOf = (body: SendEmailBody, raw: string): string =>
  body.FromEmailAddress ?? headersOf(raw).find(([name]) => name === 'from')?.[1] ?? '';

/**
 * The events SES publishes for an accepted send, with the detail SES gives them (only the fields Convene
 * or a person reading the local archive needs): "Email Sent" always; "Email Bounced" (Permanent) for
 * recipients at bounce@simulator.amazonses.com and "Email Complaint Received" for those at
 * complaint@simulator.amazonses.com. Tags are SES's (`ses:configuration-set`, ...) plus the send's own.
 */
const eventsFor = (send: {
  body: SendEmailBody;
  raw: string;
  messageId: string;
  at: Date;
  accountId: string;
  region: string;
}): SesBusEntry[] => {
  const { body, raw, messageId, at, accountId, region } = send;
  const configurationSet = body.ConfigurationSetName;
  if (!configurationSet) return [];
  const destination = recipientsOf(body, raw);
  const tags: Record<string, string[]> = {
    'ses:configuration-set': [configurationSet],
    'ses:source-ip': ['127.0.0.1'],
    'ses:caller-identity': ['local'],
  };
  for (const { Name, Value } of body.EmailTags ?? []) tags[Name] = [Value];
  const mail = {
    timestamp: at.toISOString(),
    source: sourceOf(body, raw),
    sendingAccountId: accountId,
    messageId,
    destination,
    headersTruncated: false,
    tags,
  };
  const later = new Date(at.getTime() + 1000).toISOString();
  const feedbackId = () => `${randomUUID()}-000000`;
  const simulated = (kind: string) =>
    destination.filter((a) => SIMULATOR.exec(a)?.[1]?.toLowerCase() === kind);
  const entry = (DetailType: string, detail: Record<string, unknown>): SesBusEntry => ({
    Source: SES_SOURCE,
    DetailType,
    Detail: JSON.stringify({ ...detail, mail }),
    Resources: [`arn:aws:ses:${region}:${accountId}:configuration-set/${configurationSet}`],
  });
  const bounced = simulated('bounce');
  const complained = simulated('complaint');
  return [
    entry(EmailSent.detailType, { eventType: 'Send', send: {} }),
    ...(bounced.length > 0
      ? [
          entry(EmailBounced.detailType, {
            eventType: 'Bounce',
            bounce: {
              feedbackId: feedbackId(),
              bounceType: 'Permanent',
              bounceSubType: 'General',
              bouncedRecipients: bounced.map((emailAddress) => ({
                emailAddress,
                action: 'failed',
                status: '5.1.1',
                diagnosticCode: 'smtp; 550 5.1.1 user unknown',
              })),
              timestamp: later,
              reportingMTA: 'dns; simulator.amazonses.com',
            },
          }),
        ]
      : []),
    ...(complained.length > 0
      ? [
          entry(EmailComplaintReceived.detailType, {
            eventType: 'Complaint',
            complaint: {
              feedbackId: feedbackId(),
              complaintSubType: null,
              complainedRecipients: complained.map((emailAddress) => ({ emailAddress })),
              timestamp: later,
              userAgent: 'Amazon SES Mailbox Simulator',
              complaintFeedbackType: 'abuse',
              arrivalDate: later,
            },
          }),
        ]
      : []),
  ];
};

/**
 * Starts aws-ses-v2-local and a small recorder in front of it. The recorder keeps each raw MIME source
 * by message id (the store keeps only parsed fields), is where faults are injected, and publishes what
 * real SES would publish through a configuration set with an EventBridge destination: for every send SES
 * accepted, "Email Sent" (its tags carry `convene_message`, the ledger entry), and the mailbox simulator's
 * bounce and complaint. So the real SESv2 client and adapter, and SES's events, are exercised end to end.
 */
export const startLocalSes = async (
  options: {
    viewerPort?: number;
    now?: () => Date;
    accountId?: string;
    region?: string;
    /** The sending identity refusals name (default `convene.local`). */
    identity?: string;
    /** How long after accepting a send SES's events go out (default 50 ms). */
    eventDelayMs?: number;
    /** Starts a unit of tracked work and returns its end, so "settled" waits for events on their way. */
    track?: () => () => void;
    /** Folder whose `mail.json` keeps the mail across restarts; in memory only when absent. */
    dataDir?: string;
  } = {},
): Promise<LocalSes> => {
  // aws-ses-v2-local stays behind the recorder on a port of its own; the viewer port is Convene's page.
  const sesServer = await startSesProcess();
  const sesUrl = sesServer.url;
  const ses = upstream(sesUrl);
  const raws = new Map<string, string>();
  // When each mail was sent by the stack's clock (aws-ses-v2-local dates by the machine's).
  const sentAt = new Map<string, number>();
  const keptFile = options.dataDir ? path.join(options.dataDir, 'mail.json') : undefined;
  // Mail of earlier runs, read back from the data folder (aws-ses-v2-local keeps its store in memory).
  let kept: LocalMail[] =
    keptFile && existsSync(keptFile) ? (JSON.parse(readFileSync(keptFile, 'utf8')) as LocalMail[]) : [];
  const now = options.now ?? (() => new Date());
  let fault: SesFault | undefined;
  let refusing: Required<SesRefusal> | undefined;
  let sink: ((entries: SesBusEntry[]) => Promise<void>) | undefined;
  let held: SesBusEntry[][] | undefined;

  const pending = new Map<NodeJS.Timeout, () => void>();
  const account = { accountId: options.accountId ?? '000000000000', region: options.region ?? 'eu-west-2' };
  const messages = defaultMessages({ ...account, identity: options.identity ?? 'convene.local' });

  const publish = (entries: SesBusEntry[]): void => {
    if (held) {
      held.push(entries);
      return;
    }
    const to = sink;
    if (entries.length === 0 || !to) return;
    const end = options.track?.() ?? (() => undefined);
    const timer = setTimeout(() => {
      pending.delete(timer);
      // A lost event is what the sender's claim lease is there for; say so rather than fail the send.
      to(entries)
        .catch((error: unknown) =>
          process.stderr.write(`[ses-local] could not publish SES events: ${String(error)}\n`),
        )
        .finally(end);
    }, options.eventDelayMs ?? 50);
    pending.set(timer, end);
  };

  const recorder: RunningServer = await serve(async (request) => {
    const isSend = request.method === 'POST' && request.path === SEND_PATH;
    if (isSend && refusing) return sesRefusal(refusing.code, refusing.message);
    const injected = isSend ? fault?.(request) : undefined;
    if (injected && !('drop' in injected)) return injected;
    if (injected?.drop === 'before-ses') return { status: 502, destroy: true };
    const query = request.query.toString();
    const response = await ses.send({
      method: request.method,
      path: `${request.path}${query ? `?${query}` : ''}`,
      // Signed headers pass through: aws-ses-v2-local insists on an AWS authorization header.
      headers: Object.fromEntries(
        Object.entries(request.headers).flatMap(([name, value]) =>
          value === undefined || ['host', 'content-length', 'connection'].includes(name)
            ? []
            : [[name, String(value)]],
        ),
      ),
      ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: request.body }),
    });
    const text = response.text;
    if (isSend && response.status >= 200 && response.status < 300) {
      const sent = JSON.parse(text) as { MessageId?: string };
      const body = JSON.parse(request.body) as SendEmailBody;
      const rawData = body.Content?.Raw?.Data;
      const raw = rawData ? Buffer.from(rawData, 'base64').toString('utf8') : '';
      if (sent.MessageId) {
        if (rawData) raws.set(sent.MessageId, raw);
        sentAt.set(sent.MessageId, Math.floor(now().getTime() / 1000));
        publish(eventsFor({ body, raw, messageId: sent.MessageId, at: now(), ...account }));
      }
    }
    // SES took it, and the answer never reaches the sender.
    if (injected?.drop === 'after-ses') return { status: 502, destroy: true };
    return { status: response.status, body: text };
  });

  const rawOf = async (messageId: string): Promise<string | undefined> => {
    const recorded = raws.get(messageId);
    if (recorded) return recorded;
    const response = await fetch(`${sesUrl}/get-emlContent?messageId=${encodeURIComponent(messageId)}`);
    if (!response.ok) return undefined;
    const eml = (await response.json()) as { body?: { data?: number[] } };
    return eml.body?.data ? Buffer.from(eml.body.data).toString('utf8') : undefined;
  };

  /** Every mail, oldest first: those kept from earlier runs, then this run's. */
  const allMail = async (): Promise<LocalMail[]> => {
    const store = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: Omit<LocalMail, 'raw'>[] };
    const current = await Promise.all(
      store.emails.map(async (e) => ({
        ...e,
        at: sentAt.get(e.messageId) ?? e.at,
        raw: await rawOf(e.messageId),
      })),
    );
    return [...kept, ...current];
  };

  const viewer = await startMailViewer(options.viewerPort ?? 0, allMail);

  return {
    viewerUrl: viewer.url,
    endpoint: recorder.url,
    mail: async (to) => {
      const wanted = to?.trim().toLowerCase();
      const addressOf = (a: string): string => (/<([^>]+)>/.exec(a)?.[1] ?? a).trim().toLowerCase();
      return (await allMail()).filter(
        (e) =>
          !wanted ||
          [...e.destination.to, ...e.destination.cc, ...e.destination.bcc].some(
            (a) => addressOf(a) === wanted,
          ),
      );
    },
    setFault: (next) => {
      fault = next;
    },
    refuse: (next) => {
      refusing = next && { code: next.code, message: next.message ?? messages[next.code] };
    },
    refusal: () => refusing,
    onEvents: (next) => {
      sink = next;
    },
    holdEvents: () => {
      held ??= [];
      return async () => {
        const batches = held ?? [];
        held = undefined;
        for (const entries of batches) publish(entries);
      };
    },
    clear: async () => {
      await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
      kept = [];
      raws.clear();
      sentAt.clear();
      if (keptFile) rmSync(keptFile, { force: true });
    },
    stop: async () => {
      for (const [timer, end] of pending) {
        clearTimeout(timer);
        end();
      }
      if (keptFile) writeFileSync(keptFile, JSON.stringify(await allMail()));
      await new Promise<void>((resolve) => {
        viewer.server.closeAllConnections();
        viewer.server.close(() => resolve());
      });
      await recorder.close();
      ses.close();
      await sesServer.stop();
    },
  };
};
