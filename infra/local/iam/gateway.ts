import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_KEEP_ALIVE_MS } from '../emulators/serve';
import type { IamAuthoriser } from './authoriser';
import { CALLER_HEADER } from './caller';
import { permissionsFor, type CallSite, type SigningService } from '../../iam/sdk-permissions';
import { readWireCall, signingServiceOf } from './wire-call';

export interface Denial {
  readonly functionName: string;
  readonly action: string;
  readonly resource: string;
  readonly message: string;
}

export interface IamGateway {
  readonly url: string;
  /** Every call refused so far, oldest first. */
  readonly denials: readonly Denial[];
  /** Takes an action away from a function's policies until restore(): to see the check bite. */
  withdraw(functionName: string, action: string): void;
  restore(): void;
  close(): Promise<void>;
}

export interface IamGatewayOptions {
  /** Where each service's calls go once allowed. */
  readonly upstreams: Readonly<Partial<Record<SigningService, string>>>;
  readonly authoriser: IamAuthoriser;
  readonly callSite: CallSite;
  /** Told of each refusal (the local stack prints it). */
  readonly onDenial?: (denial: Denial) => void;
}

/** REST-JSON services answer AccessDenied with 403; the JSON-RPC ones with 400 and a `__type`. */
const restServices = new Set<SigningService>(['ses', 'scheduler']);

const answer = (res: ServerResponse, status: number, type: string, message: string, rest: boolean): void => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-ErrorType': type });
  res.end(JSON.stringify(rest ? { message } : { __type: `com.amazon.coral.service#${type}`, message }));
};

const bodyOf = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * The local IAM boundary: every AWS endpoint of the local stack sits behind it. A call a function makes
 * (marked by caller.ts) is read back into its operation and input, mapped to the permissions AWS would
 * check (sdk-permissions.ts) and decided against that function's synthesized policies; a call AWS would
 * deny is answered `AccessDeniedException` in the service's own error shape, so the real SDK client
 * raises what it raises on AWS. Allowed calls, and calls of the operator (tests, the seed, the stack
 * itself: no caller mark), are passed through unchanged.
 */
export const startIamGateway = async (options: IamGatewayOptions): Promise<IamGateway> => {
  const denials: Denial[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });

  const forward = (req: IncomingMessage, res: ServerResponse, upstream: string, body: Buffer): void => {
    const target = new URL(req.url ?? '/', upstream);
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
    delete headers[CALLER_HEADER];
    const out = httpRequest(target, { method: req.method, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      // An upstream that drops the connection mid-answer (an injected fault) drops ours too.
      answer.on('aborted', () => res.destroy());
    });
    // A connection the upstream closed without answering: the caller sees the same network error.
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await bodyOf(req);
    const service = signingServiceOf(req.headers);
    const upstream = service && options.upstreams[service];
    if (!service || !upstream) {
      return answer(res, 400, 'UnrecognizedClientException', 'No local service for this request.', false);
    }
    const caller = req.headers[CALLER_HEADER];
    if (typeof caller !== 'string') return forward(req, res, upstream, body);

    const rest = restServices.has(service);
    if (!options.authoriser.knows(caller)) {
      return answer(res, 403, 'AccessDeniedException', `No function ${caller} in the synthesized app.`, rest);
    }
    const call = readWireCall(service, {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body,
    });
    if (!call) {
      return answer(
        res,
        400,
        'UnknownOperationException',
        `The local IAM check cannot read this ${service} call.`,
        rest,
      );
    }
    for (const permission of permissionsFor(call.service, call.operation, call.input, options.callSite)) {
      const decision = await options.authoriser.decide(caller, permission);
      if (!decision.allowed) {
        const denial = { functionName: caller, ...permission, message: decision.message };
        denials.push(denial);
        options.onDenial?.(denial);
        return answer(res, rest ? 403 : 400, 'AccessDeniedException', decision.message, rest);
      }
    }
    return forward(req, res, upstream, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // An unmapped call or a simulation that could not run: loud, in the log and to the caller.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`local IAM: ${message}\n`);
      if (!res.headersSent) answer(res, 500, 'InternalFailure', message, false);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = LOOPBACK_KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 4096, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    denials,
    withdraw: (functionName, action) => options.authoriser.withdraw(functionName, action),
    restore: () => options.authoriser.restore(),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
