import { formatMomentForUk, timezoneNote } from '../../domain/wall-clock';
import { seeOther, type HttpResult } from '../../http/respond';
import { loadConference } from '../../use-cases/load-conference';
import { mailProblems } from '../../use-cases/delivery/mail-records';
import { retryFailedMail } from '../../use-cases/delivery/retry-failed-mail';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import { mailChoice, readMailChoice } from './mail-choice';
import { registrationLinks } from './registration-links';
import { mailStateTags } from './registration-words';

const retriedBanner = (count: number): string =>
  count === 0
    ? 'Nothing was sent again: those mails have already gone, or are being sent.'
    : `${count === 1 ? '1 mail is' : `${count} mails are`} being sent again. Refresh this page in a minute to see how it went.`;

/** The event's mail that did not arrive (bounced, complained, failed, suppressed), and a retry for failed mail. */
export const mailProblemsPage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const { conference } = await loadConference(eventId);
  const { problems } = await mailProblems(eventId);
  const zone = conference.timezone;
  const retried = Number(request.query.retried);
  return consolePage(request, 'registrations/mail-problems.njk', {
    title: 'Mail problems',
    event: { id: eventId, title: conference.title, section: 'mail-problems' },
    banner:
      request.query.retried !== undefined && Number.isInteger(retried) ? retriedBanner(retried) : undefined,
    zoneNote: timezoneNote(zone, new Date(conference.startsAt)),
    failed: problems.filter((p) => p.retriable).length,
    action: registrationLinks.retry(eventId),
    problems: problems.map((p) => ({
      name: p.delegate?.name ?? 'Erased delegate',
      email: p.delegate?.email ?? '',
      url: registrationLinks.delegate(eventId, p.registrationId),
      label: p.label,
      subject: p.subject,
      when: formatMomentForUk(new Date(p.at), zone),
      state: mailStateTags[p.state],
      explanation: p.explanation,
      retry: p.retriable
        ? mailChoice({ recipientKey: p.registrationId, messageKey: p.messageKey })
        : undefined,
    })),
  });
};

/**
 * "Send again": the mails chosen (one button per failed mail), or every failed mail of the event; each goes
 * at most once more, and never one that was sent (retry-failed-mail.ts).
 */
export const retryMail = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const values = request.form.all('mail');
  const chosen = values.flatMap((value) => readMailChoice(value) ?? []);
  const { retried } = await retryFailedMail(eventId, values.length > 0 ? chosen : undefined);
  return seeOther(registrationLinks.retried(eventId, retried));
};
