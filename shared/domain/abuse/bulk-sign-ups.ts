/**
 * Suspected bulk sign-ups: registrations made by the public from one client (a keyed digest of the viewer's
 * address) in a burst. The rule: BULK_MINIMUM or more within any BULK_WINDOW_MINUTES; a group is every
 * registration of that client in such windows that follow each other with no longer gap than the window.
 */
export const BULK_MINIMUM = 10;
export const BULK_WINDOW_MINUTES = 10;

export interface ClientSignUp {
  readonly registrationId: string;
  readonly client: string;
  readonly at: string;
}

export interface BulkGroup<T extends ClientSignUp> {
  readonly client: string;
  readonly from: string;
  readonly to: string;
  readonly registrations: readonly T[];
}

/** The groups of sign-ups that look like one client registering in bulk, the largest first. */
export const suspectedBulkGroups = <T extends ClientSignUp>(
  signUps: readonly T[],
  rule: { readonly minimum: number; readonly windowMinutes: number } = {
    minimum: BULK_MINIMUM,
    windowMinutes: BULK_WINDOW_MINUTES,
  },
): BulkGroup<T>[] => {
  const windowMs = rule.windowMinutes * 60_000;
  const byClient = new Map<string, T[]>();
  for (const s of signUps) byClient.set(s.client, [...(byClient.get(s.client) ?? []), s]);
  const groups: BulkGroup<T>[] = [];
  for (const [client, all] of byClient) {
    const sorted = [...all].sort((a, b) => a.at.localeCompare(b.at));
    const times = sorted.map((s) => Date.parse(s.at));
    // Each sign-up in some window of `windowMs` holding at least `minimum` of this client's.
    const inBurst = new Array<boolean>(sorted.length).fill(false);
    let end = 0;
    for (let start = 0; start < sorted.length; start += 1) {
      while (end < sorted.length && times[end]! - times[start]! <= windowMs) end += 1;
      if (end - start >= rule.minimum) inBurst.fill(true, start, end);
    }
    let current: T[] = [];
    const close = () => {
      if (current.length >= rule.minimum)
        groups.push({ client, from: current[0]!.at, to: current.at(-1)!.at, registrations: current });
      current = [];
    };
    sorted.forEach((s, i) => {
      const previous = current.at(-1);
      if (!inBurst[i]) return close();
      if (previous && Date.parse(s.at) - Date.parse(previous.at) > windowMs) close();
      current.push(s);
    });
    close();
  }
  return groups.sort((a, b) => b.registrations.length - a.registrations.length);
};

/** The client of a request: CloudFront-Viewer-Address without its port (`198.51.100.7:46532`, `2001:db8::1:443`). */
export const viewerAddressOf = (header: string | undefined): string | undefined => {
  const value = header?.trim();
  if (!value) return undefined;
  const colon = value.lastIndexOf(':');
  return colon > 0 ? value.slice(0, colon) : value;
};
