import { listConferences } from '../adapters/dynamo/conference-listing';
import { now } from '../clock';
import { conferenceView } from '../domain/conference';
import { eventListEntry, upcomingFirst } from '../domain/conference/event-list';
import { notFound } from '../domain/errors';
import { inTeam, owningTeam } from '../domain/teams/teams';
import { loadConference } from './load-conference';

/** Reads of conference events; no bus, so read-only functions need no bus grant. */
export const conferenceQueries = {
  /** The public view: drafts are shown to organisers only (`organiser`: the caller is one), else a 404. */
  async showPublished(eventId: string, organiser = false) {
    const { conference, seats } = await loadConference(eventId);
    if (conference.status === 'draft' && !organiser) throw notFound('The event');
    return conferenceView(conference, seats, now());
  },

  /** The list of a caller's teams' events (`groups`: theirs), drafts too, with its counts, upcoming first. */
  async list(groups: readonly string[]) {
    const at = now();
    const listed = (await listConferences()).filter((l) => inTeam(groups, owningTeam(l.conference)));
    const entries = listed.map((l) => eventListEntry(l.conference, l, at));
    return { events: upcomingFirst(entries, at) };
  },
};
