import type { ReminderDue } from '../../../events';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { logger } from '../../adapters/observability';
import { now } from '../../clock';
import { reminderMessageKey, type MailSpec } from '../../domain/mail/send-request';
import { currentStep } from '../../domain/reminders/plan';
import { isTooLate } from '../../domain/schedules/reconcile';
import { queueMails } from '../mail/queue-mail';

/**
 * Fans a due reminder step out to every delegate confirmed at this moment: one ledger entry each,
 * keyed by (event, step, due instant), so a second delivery of the same `Reminder Due` adds nothing.
 * Nothing goes when the event was cancelled, the step was removed or moved since, or the firing comes
 * so late that the reminder would be a surprise. Returns how many entries were new.
 */
export const queueReminderMail = async (due: ReminderDue): Promise<number> => {
  const found = await conferenceRepository.find(due.eventId);
  const step = found && currentStep(found.conference, due.reminderKey, due.dueAt);
  if (!step) {
    logger.info('Reminder no longer in the plan; nothing sent', { ...due });
    return 0;
  }
  if (isTooLate(step, now())) {
    logger.warn('Reminder fired too late to send', { ...due, now: now().toISOString() });
    return 0;
  }
  const messageKey = reminderMessageKey(due.eventId, step.reminderKey, step.dueAt);
  let created = 0;
  for await (const page of registrationRepository.ofEvent(due.eventId)) {
    const mails = page
      .filter((r) => r.status === 'confirmed' && r.delegate !== undefined)
      .map((r) => {
        const spec: MailSpec = {
          kind: 'reminder',
          eventId: due.eventId,
          reminderKey: step.reminderKey,
          registrationId: r.registrationId,
        };
        return { messageKey, spec };
      });
    if (mails.length > 0) created += await queueMails(due.eventId, mails);
  }
  logger.info('Reminder queued', { ...due, created });
  return created;
};
