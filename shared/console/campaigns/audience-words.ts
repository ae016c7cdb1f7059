import type { Audience, AudienceStatus, CampaignPurpose } from '../../domain/campaigns/audience';
import type { Session } from '../../domain/conference';
import { instantToWallClock } from '../../domain/wall-clock';

/** The audience's statuses in the order the form offers them, each in an organiser's words. */
export const statusWords: readonly {
  readonly status: AudienceStatus;
  readonly label: string;
  readonly hint?: string;
}[] = [
  { status: 'confirmed', label: 'Booked', hint: 'They have a place at the event' },
  { status: 'waitlisted', label: 'On the waiting list' },
  { status: 'attended', label: 'Checked in on the day' },
  { status: 'cancelled', label: 'Cancelled their booking' },
];

/** What each purpose means, with the consent rule in one line. */
export const purposeWords: Readonly<
  Record<CampaignPurpose, { readonly label: string; readonly hint: string }>
> = {
  event: {
    label: 'This event',
    hint: 'What delegates need to know about the day they booked. It goes to everyone you choose, except anyone who unsubscribed.',
  },
  news: {
    label: 'News or other events',
    hint: 'It goes only to delegates who agreed to get news by email when they registered.',
  },
};

/** The sessions an audience can be narrowed to: those delegates choose (workshops, and any with places). */
export const choosableSessions = (sessions: readonly Session[]): Session[] =>
  sessions.filter((s) => s.kind === 'workshop' || s.capacity !== undefined);

/** "Workshop A, 11:00 to 12:00", in the event's zone. */
export const sessionLabel = (session: Session, zone: string): string =>
  `${session.title}, ${instantToWallClock(session.startsAt, zone).slice(11, 16)} to ${instantToWallClock(session.endsAt, zone).slice(11, 16)}`;

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** The statuses as one phrase: "Booked or on the waiting list". */
export const statusPhrase = (statuses: readonly AudienceStatus[]): string => {
  const labels = statusWords
    .filter((w) => statuses.includes(w.status))
    .map((w, i) => (i === 0 ? w.label : lower(w.label)));
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
};

/** The workshop an audience is narrowed to, by title ("Any workshop" when not narrowed). */
export const workshopPhrase = (audience: Audience, sessions: readonly Session[]): string =>
  audience.sessionId === undefined
    ? 'Any workshop, or none'
    : (sessions.find((s) => s.id === audience.sessionId)?.title ?? audience.sessionId);

export const surveyPhrase = (audience: Audience): string | undefined =>
  audience.surveyResponded === undefined
    ? undefined
    : audience.surveyResponded
      ? 'Answered the survey'
      : 'Have not answered the survey';

/** The audience as rows of a summary list: who, which workshop, the survey (when narrowed), what about. */
export const audienceRows = (
  audience: Audience,
  purpose: CampaignPurpose,
  sessions: readonly Session[],
): { key: { text: string }; value: { text: string } }[] => {
  const survey = surveyPhrase(audience);
  return [
    { key: { text: 'Delegates' }, value: { text: statusPhrase(audience.status) } },
    { key: { text: 'Workshop' }, value: { text: workshopPhrase(audience, sessions) } },
    ...(survey ? [{ key: { text: 'Survey' }, value: { text: survey } }] : []),
    { key: { text: 'About' }, value: { text: purposeWords[purpose].label } },
  ];
};
