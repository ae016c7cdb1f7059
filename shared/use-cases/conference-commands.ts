import { EventCancelled, EventCreated, EventPublished, EventUpdated } from '../../events';
import { publish } from '../adapters/bus';
import { conferenceRepository } from '../adapters/dynamo/conference-repository';
import { now } from '../clock';
import {
  cancelConference,
  conferenceSnapshot,
  conferenceView,
  draftConference,
  publishConference,
  reviseConference,
  type Conference,
  type ConferenceInput,
  type ConferencePatch,
} from '../domain/conference';
import { newId } from '../domain/ids';
import { skippedAtPublish, skippedByChange } from '../domain/reminders/plan';
import { loadConference as load } from './load-conference';
import { mayRaiseCapacity } from '../domain/registration';
import { promotionsDueFor } from './registrations/promotions-due';

/** Organisers' work on conference events: each step stores, then announces the change on the bus. */
export const conferenceCommands = {
  /** A draft event of `teamId` (teams.ts teamForNewEvent decides which team a caller creates for). */
  async create(input: ConferenceInput, teamId: string) {
    const conference: Conference = { ...draftConference(input, newId('evt'), now()), teamId };
    await conferenceRepository.create(conference);
    await publish(EventCreated, { event: conferenceSnapshot(conference) });
    return { eventId: conference.eventId, status: 'draft' as const };
  },

  /**
   * The response says which reminders the change leaves in the past, so they will not be sent, and
   * whether delegates are told of it (a change of times or venue, unless `notify` is false).
   */
  async update(eventId: string, { notify = true, ...patch }: ConferencePatch & { notify?: boolean }) {
    const { conference, seats } = await load(eventId);
    const at = now();
    const revision = reviseConference(conference, patch, at);
    const notifying = notify && revision.notice.length > 0 && conference.status === 'published';
    if (revision.changed.length > 0) {
      await conferenceRepository.replace(conference, revision.next);
      await publish(EventUpdated, {
        event: conferenceSnapshot(revision.next),
        changed: [...revision.changed],
        timesChanged: revision.timesChanged,
        changes: [...revision.notice],
        notify,
      });
    }
    const current = revision.changed.length > 0 ? revision.next : conference;
    return {
      ...conferenceView(current, seats),
      changed: [...revision.changed],
      skippedReminders: skippedByChange(conference, current, at),
      delegatesNotified: notifying,
      // Counted at the time of the change; the promoter gives the places out when it hears of it.
      promoted: mayRaiseCapacity(revision.changed) ? await promotionsDueFor(eventId) : 0,
    };
  },

  /**
   * Opens registration. A repeated publish announces again (consumers are idempotent), so a client
   * that retries after a failure between the write and the announcement heals the gap. Reminders whose
   * time had passed at publication are reported as skipped.
   */
  async publish(eventId: string) {
    const { conference } = await load(eventId);
    const at = now();
    const { next, changed } = publishConference(conference, at);
    if (changed) await conferenceRepository.replace(conference, next);
    const publishedAt = next.publishedAt ?? at.toISOString();
    await publish(EventPublished, { event: conferenceSnapshot(next), publishedAt });
    return {
      status: 'published' as const,
      skippedReminders: skippedAtPublish(next, new Date(publishedAt)),
    };
  },

  /**
   * Cancels the event: registration closes, and its schedules are deleted by those who own them when
   * they hear `Event Cancelled`. A repeated cancel announces again, like publish.
   */
  async cancel(eventId: string) {
    const { conference } = await load(eventId);
    const { next, changed, cancelledAt } = cancelConference(conference, now());
    if (changed) await conferenceRepository.replace(conference, next);
    await publish(EventCancelled, { event: conferenceSnapshot(next), cancelledAt });
    return { status: 'cancelled' as const, cancelledAt };
  },
};
