import http from 'node:http';
import https from 'node:https';
import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import { nowMs } from '../clock';
import { EnvNames, optionalEnv } from '../config/env';
import { xCredentials } from './x-credentials';

/** What posting one tweet came to, in Convene's terms. */
export type TweetOutcome =
  | { readonly kind: 'posted'; readonly tweetId: string }
  /** X's rate limit: try again at `resetAt`. */
  | { readonly kind: 'rate_limited'; readonly resetAt: Date }
  /** X refused it for good (duplicate content, credentials): a message a person understands. */
  | { readonly kind: 'refused'; readonly message: string };

let client: Promise<{ api: TwitterApi; prefix: string }> | undefined;

const connect = async () => {
  const base = (optionalEnv(EnvNames.xApiBaseUrl) ?? 'https://api.x.com').replace(/\/+$/, '');
  // twitter-api-v2 requests through node:https; an http agent lets it reach a loopback (http) fake.
  const httpAgent = base.startsWith('http:')
    ? new http.Agent({ keepAlive: true })
    : new https.Agent({ keepAlive: true });
  const api = new TwitterApi(await xCredentials(), { httpAgent });
  return { api, prefix: `${base}/2/` };
};

const isDuplicate = (error: ApiResponseError): boolean =>
  /duplicate/i.test(JSON.stringify(error.data ?? {})) || error.hasErrorCode(187);

/**
 * Posts one tweet (a reply where `replyTo` is given). Rate limits and permanent refusals come back as
 * outcomes; anything else (network, 5xx) is thrown, so the delivery is retried with backoff.
 */
export const postTweet = async (text: string, replyTo?: string): Promise<TweetOutcome> => {
  client ??= connect().catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  const { api, prefix } = await client;
  try {
    const result = (await api.v2.post(
      'tweets',
      { text, ...(replyTo ? { reply: { in_reply_to_tweet_id: replyTo } } : {}) },
      { prefix },
    )) as { data: { id: string } };
    return { kind: 'posted', tweetId: result.data.id };
  } catch (error) {
    if (error instanceof ApiResponseError) {
      if (error.code === 429 || error.rateLimitError) {
        const reset = error.rateLimit?.reset ?? Number(error.headers?.['x-rate-limit-reset']);
        const resetAt =
          Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(nowMs() + 15 * 60_000);
        return { kind: 'rate_limited', resetAt };
      }
      if (error.code === 403 && isDuplicate(error))
        return {
          kind: 'refused',
          message:
            'X refused this post because the account has already posted the same text. Change the wording and schedule it again.',
        };
      if (error.isAuthError || error.code === 401 || error.code === 403)
        return {
          kind: 'refused',
          message: `X did not accept Convene's credentials for the account (HTTP ${error.code}). Ask an administrator to check the X app's keys and permissions, then reschedule the post.`,
        };
      if (error.code >= 400 && error.code < 500)
        return {
          kind: 'refused',
          message: `X refused the post (HTTP ${error.code}): ${JSON.stringify(error.data ?? {})}`,
        };
    }
    // Network errors (ApiRequestError) and 5xx: thrown, so the bus retries with backoff.
    throw error;
  }
};
