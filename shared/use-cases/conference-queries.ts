import { conferenceView } from '../domain/conference';
import { notFound } from '../domain/errors';
import { loadConference } from './load-conference';

/** Reads of conference events; no bus, so read-only functions need no bus grant. */
export const conferenceQueries = {
  /** The public view: drafts are not shown to the public. */
  async showPublished(eventId: string) {
    const { conference, seats } = await loadConference(eventId);
    if (conference.status === 'draft') throw notFound('The event');
    return conferenceView(conference, seats);
  },
};
