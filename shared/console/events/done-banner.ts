/** A GOV.UK success banner: what was done, then what follows from it. */
export interface DoneBanner {
  readonly heading: string;
  readonly lines: readonly string[];
}

const headings: Readonly<Record<string, string>> = {
  created: 'Event created as a draft',
  unchanged: 'Nothing was changed',
  details: 'Event details saved',
  sessions: 'Sessions saved',
  reminders: 'Reminders saved',
  survey: 'Survey saved',
  published: 'Event published',
  cancelled: 'Event cancelled',
};

/** A count carried in the address: a small whole number, or nothing (the query is not trusted). */
const countOf = (value: string | undefined): number => {
  const n = Number(value ?? '0');
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : 0;
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The banner after a post (POST/redirect/GET): `done` names what was done, and `mailed`, `skipped`
 * and `promoted` what the use-case's answer said followed. Undefined without a `done` it knows.
 */
export const doneBanner = (query: Readonly<Record<string, string | undefined>>): DoneBanner | undefined => {
  const heading = headings[query.done ?? ''];
  if (!heading) return undefined;
  const lines: string[] = [];
  if (query.done === 'created') lines.push('Add its sessions now, or later from its overview.');
  if (query.done === 'published') lines.push('Registration is open. Share the event page below.');
  if (query.done === 'cancelled')
    lines.push(
      'Everyone with a place or on the waiting list is being emailed. Its reminders, survey and posts to X will not go.',
    );
  if (query.mailed === 'yes')
    lines.push('The delegates it concerns are being emailed what changed, with an updated calendar invite.');
  if (query.mailed === 'no') lines.push('No delegate was emailed about this change.');
  const promoted = countOf(query.promoted);
  if (promoted > 0)
    lines.push(
      `${plural(promoted, 'person', 'people')} on the waiting list ${promoted === 1 ? 'gets a place and is' : 'get a place and are'} being emailed.`,
    );
  const skipped = countOf(query.skipped);
  if (skipped > 0)
    lines.push(
      `${plural(skipped, 'reminder', 'reminders')} will not be sent because ${skipped === 1 ? 'its time has' : 'their time has'} passed.`,
    );
  return { heading, lines };
};
