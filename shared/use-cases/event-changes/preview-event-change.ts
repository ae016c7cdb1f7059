import { now } from '../../clock';
import { reviseConference, type ConferencePatch } from '../../domain/conference';
import { loadConference } from '../load-conference';

/**
 * The event as a change would leave it, checked exactly as PATCH /events/{id} checks it (the same
 * problems, thrown the same way) but stored nowhere and announced to no one: what a preview shows.
 */
export const previewEventChange = async (eventId: string, patch: ConferencePatch) => {
  const { conference } = await loadConference(eventId);
  const at = now();
  return { next: reviseConference(conference, patch, at).next, at };
};
