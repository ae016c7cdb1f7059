/** A conference event as Convene keeps it: times are UTC instants, `timezone` says how people read them. */
export type SessionKind = 'keynote' | 'workshop' | 'networking';
export type ConferenceStatus = 'draft' | 'published' | 'cancelled';
export type QuestionKind = 'rating' | 'nps' | 'choice' | 'text';

export interface Session {
  readonly id: string;
  readonly title: string;
  readonly kind: SessionKind;
  readonly startsAt: string;
  readonly endsAt: string;
  /** Places in the session; absent where anyone booked on the event may attend. */
  readonly capacity?: number;
}

export interface ReminderStep {
  readonly daysBefore: number;
  /** Time of day in the event's zone, `09:00`. */
  readonly at: string;
  readonly subject?: string;
  readonly text?: string;
}

export interface SurveyQuestion {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly options?: readonly string[];
  readonly required?: boolean;
}

/** A nudge to delegates invited who have not answered yet, `daysAfter` the event's last day at `at`. */
export interface SurveyReminderStep {
  readonly daysAfter: number;
  readonly at: string;
}

export interface SurveyPlan {
  /** The invitation goes `daysAfter` calendar days after the event's last day, at `at` in its zone. */
  readonly daysAfter: number;
  readonly at: string;
  readonly questions: readonly SurveyQuestion[];
  /** Days the survey stays open after the invitation; `DEFAULT_SURVEY_OPEN_DAYS` when not given. */
  readonly closesAfterDays?: number;
  readonly reminder?: SurveyReminderStep;
}

/** How long a survey takes answers when the organiser does not say: two weeks, a school fortnight. */
export const DEFAULT_SURVEY_OPEN_DAYS = 14;

export interface Venue {
  readonly name: string;
  readonly address?: string;
}

/** Whom delegates ask about the event: footers name them and replies go to them. */
export interface Contact {
  readonly name: string;
  readonly email: string;
}

export interface Conference {
  readonly eventId: string;
  readonly title: string;
  readonly status: ConferenceStatus;
  readonly timezone: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly venue: Venue;
  readonly capacity: number;
  readonly sessions: readonly Session[];
  readonly reminders: readonly ReminderStep[];
  readonly survey?: SurveyPlan;
  /** The organisers' contact; the sender's name and address where absent. */
  readonly contact?: Contact;
  /** false: plus-tagged addresses count apart for "already registered" (on, so absent, by default). */
  readonly ignoreEmailTags?: boolean;
  /** Grows by one on every change; writes are conditional on it so two edits never interleave. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt?: string;
  readonly cancelledAt?: string;
  /** The organising team that owns the event (teams.ts); absent on events made before teams: the default team. */
  readonly teamId?: string;
}

/** What an organiser sends: the same shape with wall-clock times in `timezone`. */
export interface SessionInput {
  readonly id?: string;
  readonly title: string;
  readonly kind: SessionKind;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly capacity?: number;
}

export interface ConferenceInput {
  readonly title: string;
  readonly timezone: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly venue: Venue;
  readonly capacity: number;
  readonly sessions?: readonly SessionInput[];
  readonly reminders?: readonly ReminderStep[];
  readonly survey?: SurveyPlan;
  readonly contact?: Contact;
  readonly ignoreEmailTags?: boolean;
}

export type ConferencePatch = Partial<ConferenceInput>;

/** Fields whose change moves what is scheduled from the event's times. */
export const TIME_FIELDS = ['timezone', 'startsAt', 'endsAt', 'sessions', 'reminders', 'survey'] as const;
