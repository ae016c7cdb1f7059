import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ASSET_PATH } from '../assets/build-assets';
import { apiGatewayEvent } from './api-gateway-event';
import { matchRoute, type LocalRoute } from './http-routes';
import type { LambdaRuntime } from './lambda-runtime';
import { JWKS_PATH, type LocalUserPool } from './local-auth';
import type { HttpMethod } from '../wiring/types';

export interface LocalResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** Routes only the local stack has (`/local/...`); answers undefined when the path is not one of them. */
export type LocalRoutesHandler = (
  method: string,
  url: URL,
  body: string,
) => Promise<LocalResponse | undefined>;

const MAX_REQUEST_BYTES = 10 * 1024 * 1024; // API Gateway's payload limit

const errorBody = (code: string, message: string) => ({ error: { code, message, details: [] } });

const send = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
};

const assetTypes: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** A hashed asset, cached for a year as CloudFront serves it; only the built files, by their plain names. */
const serveAsset = async (res: ServerResponse, dir: string, name: string): Promise<void> => {
  const type = assetTypes[path.extname(name)];
  if (!type || !/^[\w.-]+$/.test(name)) return send(res, 404, errorBody('not_found', 'No such asset.'));
  try {
    const content = await readFile(path.join(dir, name));
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    res.end(content);
  } catch {
    send(res, 404, errorBody('not_found', 'No such asset.'));
  }
};

const readBody = (req: IncomingMessage): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * The local HTTP API: what API Gateway does, on one port. Requests to a wiring route become payload-2.0
 * events for the same handler Lambda runs, which verifies any token itself, as on AWS (no route has an
 * authoriser); `/local/*` goes to the stack, and the local user pool's keys are served at JWKS_PATH.
 */
export const startHttpServer = async (options: {
  port: number;
  routes: readonly LocalRoute[];
  runtime: LambdaRuntime;
  localRoutes: LocalRoutesHandler;
  now: () => Date;
  /** The local user pool's public keys. */
  jwks: LocalUserPool['jwks'];
  /** The built page assets, served under ASSET_PATH as the distribution serves them from S3. */
  assetsDir: string;
  /** Where a request no route matches goes (API Gateway's `$default` route); else a JSON 404. */
  unmatched?: LocalRoute;
  /** The per-client limit on public writes (WAF's rate rule on AWS): a refusal, or undefined to pass. */
  clientLimit?: (req: IncomingMessage, route: LocalRoute) => LocalResponse | undefined;
}): Promise<{ url: string; close(): Promise<void> }> => {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (body === undefined)
      return send(res, 413, errorBody('payload_too_large', 'The request is over 10 MB.'));
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === JWKS_PATH) return send(res, 200, options.jwks);
    if (method === 'GET' && url.pathname.startsWith(`${ASSET_PATH}/`))
      return serveAsset(res, options.assetsDir, url.pathname.slice(ASSET_PATH.length + 1));

    const local = await options.localRoutes(method, url, body.toString('utf8'));
    if (local) return send(res, local.status, local.body, local.headers);

    const matched = matchRoute(options.routes, method, url.pathname);
    // A route is a method and a path on API Gateway: with a $default route, a known path asked with
    // another method goes there too, as anything else unmatched does.
    const match =
      options.unmatched && (matched === undefined || 'allowed' in matched)
        ? { route: { ...options.unmatched, method: method as HttpMethod }, pathParameters: {} }
        : matched;
    if (!match) return send(res, 404, errorBody('not_found', `No route ${method} ${url.pathname}.`));
    if ('allowed' in match) {
      return send(res, 405, errorBody('method_not_allowed', `Use ${match.allowed.join(' or ')}.`), {
        allow: match.allowed.join(', '),
      });
    }
    const limited = options.clientLimit?.(req, match.route);
    if (limited) return send(res, limited.status, limited.body, limited.headers);
    const event = apiGatewayEvent(req, url, body, match.route, match.pathParameters, options.now());
    const result = await options.runtime.invoke<APIGatewayProxyStructuredResultV2 | string>(
      match.route.functionName,
      event,
    );
    if (typeof result !== 'object' || result === null || result.statusCode === undefined) {
      return send(res, 200, JSON.stringify(result));
    }
    const headers: Record<string, string | string[]> = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]),
    );
    // Payload 2.0 returns cookies apart from the headers; API Gateway sends each as a Set-Cookie.
    if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode, headers);
    res.end(
      result.body === undefined ? '' : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // What API Gateway answers when the function itself fails (timeout, crash at cold start).
      process.stderr.write(
        `local api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      if (!res.headersSent) send(res, 500, errorBody('internal_error', 'Internal Server Error'));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue: a registration burst opens thousands of connections at once, as API Gateway would take.
    server.listen(options.port, '127.0.0.1', 4096, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
