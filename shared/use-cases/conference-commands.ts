import { EventCreated, EventPublished, EventUpdated } from '../../events';
import { publish } from '../adapters/bus';
import { conferenceRepository } from '../adapters/dynamo/conference-repository';
import { now } from '../clock';
import {
  conferenceSnapshot,
  conferenceView,
  draftConference,
  publishConference,
  reviseConference,
  type ConferenceInput,
  type ConferencePatch,
} from '../domain/conference';
import { newId } from '../domain/ids';
import { loadConference as load } from './load-conference';

/** Organisers' work on conference events: each step stores, then announces the change on the bus. */
export const conferenceCommands = {
  async create(input: ConferenceInput) {
    const conference = draftConference(input, newId('evt'), now());
    await conferenceRepository.create(conference);
    await publish(EventCreated, { event: conferenceSnapshot(conference) });
    return { eventId: conference.eventId, status: 'draft' as const };
  },

  async update(eventId: string, patch: ConferencePatch) {
    const { conference, seats } = await load(eventId);
    const revision = reviseConference(conference, patch, now());
    if (revision.changed.length > 0) {
      await conferenceRepository.replace(conference, revision.next);
      await publish(EventUpdated, {
        event: conferenceSnapshot(revision.next),
        changed: [...revision.changed],
        timesChanged: revision.timesChanged,
      });
    }
    const current = revision.changed.length > 0 ? revision.next : conference;
    return { ...conferenceView(current, seats), changed: [...revision.changed] };
  },

  /**
   * Opens registration. A repeated publish announces again (consumers are idempotent), so a client
   * that retries after a failure between the write and the announcement heals the gap.
   */
  async publish(eventId: string) {
    const { conference } = await load(eventId);
    const at = now();
    const { next, changed } = publishConference(conference, at);
    if (changed) await conferenceRepository.replace(conference, next);
    await publish(EventPublished, {
      event: conferenceSnapshot(next),
      publishedAt: next.publishedAt ?? at.toISOString(),
    });
    return { status: 'published' as const };
  },
};
