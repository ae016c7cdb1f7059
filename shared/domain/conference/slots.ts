/** What grouping sessions into slots needs of a session: its UTC instants. */
export interface Timed {
  readonly startsAtUtc: string;
  readonly endsAtUtc: string;
}

/**
 * The programme's time slots: sessions that overlap in time run in parallel, so they share a slot (a
 * delegate can be in one of them). The API has no slot of its own; times alone make one. Slots and the
 * sessions in each are in time order.
 */
export const parallelSlots = <S extends Timed>(sessions: readonly S[]): S[][] => {
  const slots: { sessions: S[]; endsAt: number }[] = [];
  const ordered = [...sessions].sort((a, b) => Date.parse(a.startsAtUtc) - Date.parse(b.startsAtUtc));
  for (const session of ordered) {
    const last = slots.at(-1);
    if (last && Date.parse(session.startsAtUtc) < last.endsAt) {
      last.sessions.push(session);
      last.endsAt = Math.max(last.endsAt, Date.parse(session.endsAtUtc));
    } else slots.push({ sessions: [session], endsAt: Date.parse(session.endsAtUtc) });
  }
  return slots.map((slot) => slot.sessions);
};
