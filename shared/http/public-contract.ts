import type { MiddlewareObj } from '@middy/core';
import { contract, type ContractOptions, type HttpEvent, type Schema } from './contract-core';
import type { HttpResult } from './respond';
import { routeAudience } from './route-audience';

/**
 * The edge of a function whose route is public with no caller at all (the wiring's audience, read at
 * cold start): the same checks, parsing and error shape as `httpContract`, without the token verifier,
 * the team check or the table it reads, so a public page's cold start loads none of them. A function
 * whose wiring gives it a signed-in audience or an optional caller fails its cold start here rather than
 * answer without checking: it must use `httpContract`.
 */
export const publicContract = <
  B extends Schema = undefined,
  P extends Schema = undefined,
  Q extends Schema = undefined,
>(
  options: ContractOptions<B, P, Q> = {},
): MiddlewareObj<HttpEvent<B, P, Q>, HttpResult> => {
  const { auth, optionalCaller } = routeAudience();
  if (auth !== 'public' || optionalCaller !== undefined) {
    throw new Error(
      `The wiring gives this route the audience ${optionalCaller ?? auth}; its handler must use httpContract, ` +
        'which checks callers.',
    );
  }
  return contract(options);
};
