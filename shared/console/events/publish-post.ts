import { seeOther, type HttpResult } from '../../http/respond';
import { conferenceCommands } from '../../use-cases/conference-commands';
import type { ConsoleRequest } from '../console-handler';
import { eventUrls } from './event-parts';

/** POST: publishes through POST /events/{id}/publish's use-case; the overview says what was skipped. */
export const publishPost = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const { skippedReminders } = await conferenceCommands.publish(eventId);
  return seeOther(
    eventUrls.done(eventId, {
      done: 'published',
      ...(skippedReminders.length > 0 ? { skipped: skippedReminders.length } : {}),
    }),
  );
};
