/**
 * A token bucket per key: `burst` requests at once, refilled at `perMinute` a minute. The local stand-in for
 * WAF's rate-based rule on the public writes, keyed by the client's address (infra/local/client-limit.ts).
 */
export interface TokenBucketLimit {
  readonly perMinute: number;
  readonly burst: number;
}

export type BucketAnswer =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: TokenBucketLimit) {}

  /** Takes one token from `key`'s bucket at `nowMs`, or says how long until one is there. */
  take(key: string, nowMs: number): BucketAnswer {
    const { perMinute, burst } = this.limit;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: nowMs };
    // Multiplied before divided, so whole seconds refill whole tokens (3 s at 20 a minute is exactly one).
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.at) * perMinute) / 60_000);
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    this.forgetFull(nowMs);
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / perMinute)),
    };
  }

  /** Buckets refilled to the brim are the same as none: dropped, so the map holds only recent clients. */
  private forgetFull(nowMs: number): void {
    if (this.buckets.size < 10_000) return;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((nowMs - bucket.at) * this.limit.perMinute) / 60_000 >= this.limit.burst)
        this.buckets.delete(key);
    }
  }
}
