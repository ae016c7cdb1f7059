import type { EventPart } from './event-parts';

/**
 * What saving a part of an event mails to its delegates, in words, from the rules the API follows
 * (shared/domain/conference/notice.ts: the day's times, the venue and a session's times are mailed to
 * those they concern unless `notify` is false; a raised capacity promotes the first waiting, with a mail;
 * nothing else is mailed). `offersNotify`: the part can make a change the `notify` choice governs.
 */
export interface ChangeNotice {
  readonly lines: readonly string[];
  readonly offersNotify: boolean;
}

const promotion =
  'If you add places, people on the waiting list get them, those waiting longest first, and are emailed that a place has come up.';

const published: Readonly<Record<EventPart, ChangeNotice>> = {
  details: {
    lines: [
      'If you change the date, times or venue, everyone with a place or on the waiting list is emailed what changed. Those with a place also get an updated calendar invite.',
      'Changes to the title, number of places and contact are not emailed.',
      promotion,
    ],
    offersNotify: true,
  },
  sessions: {
    lines: [
      "If you change a session's times, the delegates it concerns are emailed the new times, with an updated calendar invite for those with a place. A change to a session everyone attends, such as a keynote, concerns everyone.",
      'New sessions, titles and places are not emailed. A session someone has booked cannot be removed.',
      promotion,
    ],
    offersNotify: true,
  },
  reminders: {
    lines: [
      'Saving emails nobody now. Each reminder goes to everyone with a place at the time shown. A reminder whose time has passed is not sent.',
    ],
    offersNotify: false,
  },
  survey: {
    lines: [
      'Saving emails nobody now. The invitation goes at the time shown to the delegates who were checked in (or, if nobody was checked in, to everyone with a place); the reminder goes to those who have not answered.',
    ],
    offersNotify: false,
  },
};

const draft: ChangeNotice = {
  lines: ['This event is a draft: nothing is emailed to anyone until it is published.'],
  offersNotify: false,
};

/** What saving `part` of an event with this status will mail; nothing is said of a cancelled event. */
export const changeNotice = (part: EventPart, status: 'draft' | 'published' | 'cancelled'): ChangeNotice =>
  status === 'published' ? published[part] : draft;
