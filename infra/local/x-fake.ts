import { serve, type RunningServer, type WireResponse } from './emulators/serve';

/** One tweet the fake X API accepted, as `GET /local/x/posts` shows it. */
export interface FakeTweet {
  readonly id: string;
  readonly text: string;
  readonly replyTo: string | null;
  readonly at: string;
}

/** What the fake answers the next POST /2/tweets with, instead of accepting it. */
export type XFault =
  /** 429 with x-rate-limit-reset `resetInSeconds` after the (virtual) clock's now. */
  | { readonly kind: 'rate_limited'; readonly resetInSeconds: number }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'unauthorised' }
  | { readonly kind: 'server_error' }
  /** The connection drops: a network error. */
  | { readonly kind: 'drop' };

export interface XFake {
  readonly url: string;
  readonly posts: () => readonly FakeTweet[];
  /**
   * Answers the coming requests from this script in order (`'ok'` accepts as usual); once it runs out,
   * every request is accepted again.
   */
  script(answers: readonly (XFault | 'ok')[]): void;
  close(): Promise<void>;
}

const LIMIT = 100;

/**
 * A loopback stand-in for X's API v2 that the real twitter-api-v2 client talks to: POST /2/tweets (with
 * `reply.in_reply_to_tweet_id`), x-rate-limit-* headers, and scripted 429 / duplicate 403 / 401 / 500 /
 * dropped connections for tests. It keeps what it accepted, oldest first.
 */
export const startXFake = async (now: () => Date): Promise<XFake> => {
  const accepted: FakeTweet[] = [];
  let planned: (XFault | 'ok')[] = [];
  let sequence = 1_800_000_000_000_000_000n;
  let windowStart = now().getTime();
  let used = 0;

  const rateHeaders = (): Record<string, string> => {
    const at = now().getTime();
    if (at - windowStart >= 15 * 60_000) {
      windowStart = at;
      used = 0;
    }
    return {
      'x-rate-limit-limit': String(LIMIT),
      'x-rate-limit-remaining': String(Math.max(0, LIMIT - used)),
      'x-rate-limit-reset': String(Math.ceil((windowStart + 15 * 60_000) / 1000)),
    };
  };

  const faultAnswer = (fault: XFault): WireResponse => {
    switch (fault.kind) {
      case 'rate_limited': {
        const reset = Math.ceil((now().getTime() + fault.resetInSeconds * 1000) / 1000);
        return {
          status: 429,
          headers: {
            'x-rate-limit-limit': String(LIMIT),
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(reset),
          },
          body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        };
      }
      case 'duplicate':
        return {
          status: 403,
          headers: rateHeaders(),
          body: {
            detail: 'You are not allowed to create a Tweet with duplicate content.',
            type: 'about:blank',
            title: 'Forbidden',
            status: 403,
          },
        };
      case 'unauthorised':
        return {
          status: 401,
          body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
        };
      case 'server_error':
        return { status: 500, body: { title: 'Internal Server Error', status: 500 } };
      case 'drop':
        return { status: 500, destroy: true };
    }
  };

  const server: RunningServer = await serve(async (request) => {
    if (request.method !== 'POST' || request.path !== '/2/tweets')
      return { status: 404, body: { title: 'Not Found', status: 404 } };
    if (!/^OAuth /.test(String(request.headers.authorization ?? '')))
      return faultAnswer({ kind: 'unauthorised' });
    const next = planned.shift();
    if (next && next !== 'ok') return faultAnswer(next);
    let body: { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return { status: 400, body: { title: 'Invalid Request', status: 400 } };
    }
    if (typeof body.text !== 'string' || body.text === '')
      return { status: 400, body: { title: 'Invalid Request', detail: 'text is required', status: 400 } };
    const headers = rateHeaders();
    used += 1;
    sequence += 1n;
    const tweet: FakeTweet = {
      id: String(sequence),
      text: body.text,
      replyTo: typeof body.reply?.in_reply_to_tweet_id === 'string' ? body.reply.in_reply_to_tweet_id : null,
      at: now().toISOString(),
    };
    accepted.push(tweet);
    return {
      status: 201,
      headers,
      body: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } },
    };
  });

  return {
    url: server.url,
    posts: () => accepted,
    script: (answers) => {
      planned = [...answers];
    },
    close: () => server.close(),
  };
};
