import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface WireResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Serialised as JSON unless it is already a string. */
  readonly body?: unknown;
  /**
   * Close the connection instead of answering (status and body are not sent): the client sees a network
   * error, as after a crash or a lost connection, and cannot tell whether the request took effect.
   */
  readonly destroy?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** An AWS JSON-protocol error, shaped the way the SDK's deserialisers read it. */
export const awsError = (status: number, type: string, message: string): WireResponse => ({
  status,
  headers: { 'x-amzn-ErrorType': type },
  body: { __type: type, message, Message: message },
});

/**
 * Idle loopback connections stay open until the client closes them (0: no server-side idle timeout, and
 * no `Keep-Alive: timeout` hint). With a hint of 1 s Node's client never reused a connection, so every AWS
 * call of the local stack opened a new one; with 5 s it reused them, but under load a client could take up
 * an idle connection just as the server closed it ("socket hang up"), which the sender must read as a
 * send of unknown outcome and hold for its 5-minute lease. A server that never closes an idle connection
 * leaves no such race; the clients' agents bound how many there are.
 */
export const LOOPBACK_KEEP_ALIVE_MS = 0;

/** A loopback HTTP server for an emulator; always binds 127.0.0.1. */
export const serve = async (
  handle: (request: WireRequest) => Promise<WireResponse>,
  port = 0,
): Promise<RunningServer> => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: WireRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      handle(request)
        .catch((error: unknown): WireResponse => awsError(500, 'InternalFailure', String(error)))
        .then((response) => {
          if (response.destroy) {
            res.destroy();
            return;
          }
          const body =
            response.body === undefined
              ? ''
              : typeof response.body === 'string'
                ? response.body
                : JSON.stringify(response.body);
          res.writeHead(response.status, {
            'content-type': 'application/json',
            'x-amzn-requestid': crypto.randomUUID(),
            ...response.headers,
          });
          res.end(body);
        });
    });
  });
  server.keepAliveTimeout = LOOPBACK_KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
