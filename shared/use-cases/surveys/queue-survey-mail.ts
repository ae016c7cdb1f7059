import type { SurveyDue } from '../../../events';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { recipientsReached } from '../../adapters/dynamo/ledger-reach';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { logger } from '../../adapters/observability';
import { now } from '../../clock';
import type { Registration } from '../../domain/registration';
import { surveyMessageKey, type MailSpec } from '../../domain/mail/send-request';
import { isTooLate } from '../../domain/schedules/reconcile';
import { invitationRecipients, reminderRecipients } from '../../domain/surveys/invitees';
import { currentSurveyStep } from '../../domain/surveys/plan';
import { queueMails } from '../mail/queue-mail';

/**
 * Fans a due survey mail out: the invitation to the delegates checked in (or, where the event recorded
 * no check-ins, every confirmed delegate), the reminder to those it went to who have not answered. One
 * ledger entry each, keyed by (event, step), so a second delivery, or a firing after the event moved,
 * adds nothing. Nothing goes when the event was cancelled, the step was removed or moved since, or the
 * firing comes too late. Returns how many entries were new.
 */
export const queueSurveyMail = async (due: SurveyDue): Promise<number> => {
  const found = await conferenceRepository.find(due.eventId);
  const step = found && currentSurveyStep(found.conference, due.step, due.dueAt);
  if (!step) {
    logger.info('Survey mail no longer in the plan; nothing sent', { ...due });
    return 0;
  }
  if (isTooLate(step, now())) {
    logger.warn('Survey mail fired too late to send', { ...due, now: now().toISOString() });
    return 0;
  }
  // Whether anyone was checked in decides the audience, so the whole event is read first: a
  // conference's registrations (hundreds, a few thousand) fit in memory.
  const registrations: Registration[] = [];
  for await (const page of registrationRepository.ofEvent(due.eventId)) registrations.push(...page);
  const recipients =
    step.step === 'invitation'
      ? invitationRecipients(registrations)
      : reminderRecipients(
          registrations,
          new Set(await recipientsReached(surveyMessageKey(due.eventId, 'invitation'))),
        );
  const messageKey = surveyMessageKey(due.eventId, step.step);
  const mails = recipients.map(({ registrationId }) => {
    const spec: MailSpec = { kind: 'survey', eventId: due.eventId, step: step.step, registrationId };
    return { messageKey, spec };
  });
  const created = mails.length > 0 ? await queueMails(due.eventId, mails) : 0;
  logger.info('Survey mail queued', { ...due, recipients: mails.length, created });
  return created;
};
