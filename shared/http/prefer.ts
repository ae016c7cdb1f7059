/**
 * True when the client asked for the resource in the answer (RFC 7240 `Prefer: return=representation`),
 * where the route otherwise answers 204 with no body.
 */
export const prefersRepresentation = (headers: Readonly<Record<string, string | undefined>>): boolean =>
  /(^|[,;\s])return\s*=\s*"?representation"?($|[,;\s])/i.test(headers.prefer ?? headers.Prefer ?? '');
