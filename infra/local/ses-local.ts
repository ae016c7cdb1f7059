import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import sesModule from 'aws-ses-v2-local';
import { serve, type RunningServer, type WireRequest, type WireResponse } from './emulators/serve';

/** A mail as `GET /local/mail` shows it: aws-ses-v2-local's stored fields plus the raw source. */
export interface LocalMail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { to: string[]; cc: string[]; bcc: string[] };
  readonly subject: string;
  readonly body: { html?: string; text?: string };
  readonly attachments: { content: string; contentType: string; filename?: string; size: number }[];
  readonly at: number;
  readonly raw: string | undefined;
}

export interface LocalSes {
  /** aws-ses-v2-local's own page: every mail sent, readable by a person. */
  readonly viewerUrl: string;
  /** Where the SESv2 client sends (AWS_ENDPOINT_URL_SESV2): a recorder in front of aws-ses-v2-local. */
  readonly endpoint: string;
  mail(to?: string): Promise<LocalMail[]>;
  /** Lets tests and the local stack answer a send with a fault instead (throttling, outages). */
  setFault(fault: ((request: WireRequest) => WireResponse | undefined) | undefined): void;
  stop(): Promise<void>;
}

const SEND_PATH = '/v2/email/outbound-emails';

// aws-ses-v2-local is CommonJS with `exports.default`: from ESM its function sits one level down.
type StartSes = typeof sesModule;
const startSesServer: StartSes = (sesModule as unknown as { default?: StartSes }).default ?? sesModule;

/**
 * Starts aws-ses-v2-local and a small recorder in front of it. The recorder keeps each raw MIME source
 * by message id (the store keeps only parsed fields) and is where faults are injected, so the real
 * SESv2 client and adapter are exercised end to end.
 */
export const startLocalSes = async (options: { viewerPort?: number } = {}): Promise<LocalSes> => {
  const sesServer: Server = await startSesServer({ host: '127.0.0.1', port: options.viewerPort ?? 0 });
  const viewerUrl = `http://127.0.0.1:${(sesServer.address() as AddressInfo).port}`;
  const raws = new Map<string, string>();
  let fault: ((request: WireRequest) => WireResponse | undefined) | undefined;

  const recorder: RunningServer = await serve(async (request) => {
    if (request.method === 'POST' && request.path === SEND_PATH) {
      const injected = fault?.(request);
      if (injected) return injected;
    }
    const response = await fetch(`${viewerUrl}${request.path}?${request.query.toString()}`, {
      method: request.method,
      // Signed headers pass through: aws-ses-v2-local insists on an AWS authorization header.
      headers: Object.fromEntries(
        Object.entries(request.headers).flatMap(([name, value]) =>
          value === undefined || ['host', 'content-length', 'connection'].includes(name)
            ? []
            : [[name, String(value)]],
        ),
      ),
      ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: request.body }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (request.method === 'POST' && request.path === SEND_PATH && response.ok) {
      const sent = JSON.parse(text) as { MessageId?: string };
      const rawData = (JSON.parse(request.body) as { Content?: { Raw?: { Data?: string } } }).Content?.Raw
        ?.Data;
      if (sent.MessageId && rawData)
        raws.set(sent.MessageId, Buffer.from(rawData, 'base64').toString('utf8'));
    }
    return { status: response.status, body: text };
  });

  const rawOf = async (messageId: string): Promise<string | undefined> => {
    const recorded = raws.get(messageId);
    if (recorded) return recorded;
    const response = await fetch(`${viewerUrl}/get-emlContent?messageId=${encodeURIComponent(messageId)}`);
    if (!response.ok) return undefined;
    const eml = (await response.json()) as { body?: { data?: number[] } };
    return eml.body?.data ? Buffer.from(eml.body.data).toString('utf8') : undefined;
  };

  return {
    viewerUrl,
    endpoint: recorder.url,
    mail: async (to) => {
      const store = (await (await fetch(`${viewerUrl}/store`)).json()) as {
        emails: Omit<LocalMail, 'raw'>[];
      };
      const wanted = to?.trim().toLowerCase();
      const addressOf = (a: string): string => (/<([^>]+)>/.exec(a)?.[1] ?? a).trim().toLowerCase();
      const emails = store.emails.filter(
        (e) =>
          !wanted ||
          [...e.destination.to, ...e.destination.cc, ...e.destination.bcc].some(
            (a) => addressOf(a) === wanted,
          ),
      );
      return Promise.all(emails.map(async (e) => ({ ...e, raw: await rawOf(e.messageId) })));
    },
    setFault: (next) => {
      fault = next;
    },
    stop: async () => {
      await recorder.close();
      await new Promise<void>((resolve) => {
        sesServer.closeAllConnections();
        sesServer.close(() => resolve());
      });
    },
  };
};
