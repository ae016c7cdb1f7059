/** One session line: its title and when it runs, already written for a UK reader. */
export interface SessionView {
  readonly title: string;
  readonly when: string;
}

/**
 * What the fragments every mail about the day shares read (its details, the delegate's sessions, the
 * manage link and the footer: text-fragments.ts, html-fragments.ts), so each mail's view declares them once.
 */
export interface DayView {
  readonly eventTitle: string;
  readonly when: string;
  /** Set when the event is outside UK time, so a UK reader does not misread the times. */
  readonly timezoneNote: string | null;
  readonly venueName: string;
  readonly venueAddress: string | null;
  readonly booked: readonly SessionView[];
  readonly waiting: readonly SessionView[];
  readonly hasBooked: boolean;
  readonly hasWaiting: boolean;
  readonly manageUrl: string;
  readonly organiserName: string;
  readonly organiserEmail: string;
}
