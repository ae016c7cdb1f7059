import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { ledgerRepository, type LedgerEntry } from '../../adapters/dynamo/ledger-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import {
  explainMail,
  isMailProblem,
  mailLabel,
  mailStateOf,
  mayRetry,
  recordedReason,
} from '../../domain/delivery/mail-record';
import { notFound } from '../../domain/errors';
import { loadConference } from '../load-conference';

/** A campaign's subject as its organiser wrote it, for its mails (the ledger keeps none: subjectToKeep). */
const campaignSubjects = async (entries: readonly LedgerEntry[]) => {
  const ids = [...new Set(entries.flatMap((e) => (e.spec.kind === 'campaign' ? [e.spec.campaignId] : [])))];
  const subjects = new Map(
    await Promise.all(ids.map(async (id) => [id, (await campaignRepository.content(id))?.subject] as const)),
  );
  return (e: LedgerEntry): string | null =>
    e.subject ?? (e.spec.kind === 'campaign' ? subjects.get(e.spec.campaignId) : undefined) ?? null;
};

const recordOf = (e: LedgerEntry, subject: string | null) => ({
  messageKey: e.messageKey,
  registrationId: e.recipientKey,
  kind: e.spec.kind,
  label: mailLabel(e.spec),
  subject,
  state: mailStateOf(e),
  reason: recordedReason(e),
  explanation: explainMail(e) ?? null,
  queuedAt: e.recordedAt ?? null,
  settledAt: e.settledAt ?? null,
  feedbackAt: e.feedback?.at ?? null,
  retriable: mayRetry(e),
});

export type MailRecord = ReturnType<typeof recordOf>;

const newestFirst = <T>(items: readonly T[], at: (item: T) => string): T[] =>
  [...items].sort((a, b) => at(b).localeCompare(at(a)));

/** Every mail recorded for one delegate of an event, newest first, each with its state and reason. */
export const registrationMails = async (eventId: string, registrationId: string) => {
  const r = await registrationRepository.find(registrationId);
  if (!r || r.eventId !== eventId) throw notFound('The registration');
  const entries = await ledgerRepository.ofRecipient(registrationId);
  const subjectOf = await campaignSubjects(entries);
  return {
    eventId,
    registrationId,
    mails: newestFirst(entries, (e) => e.recordedAt ?? '').map((e) => recordOf(e, subjectOf(e))),
  };
};

/** When an entry became a problem: SES's report, or the sender's record. */
const problemAt = (e: LedgerEntry): string => e.feedback?.at ?? e.settledAt ?? e.recordedAt ?? '';

/**
 * An event's mail that did not reach its delegate and will not by itself (bounced, complained, failed,
 * suppressed), newest first, with who it was for.
 */
export const mailProblems = async (eventId: string) => {
  await loadConference(eventId);
  const entries = (await ledgerRepository.problemsOf(eventId)).filter(isMailProblem);
  const subjectOf = await campaignSubjects(entries);
  const ids = [...new Set(entries.map((e) => e.recipientKey))];
  const delegates = new Map(
    await Promise.all(
      ids.map(async (id) => [id, (await registrationRepository.find(id))?.delegate] as const),
    ),
  );
  return {
    eventId,
    problems: newestFirst(entries, problemAt).map((e) => {
      const delegate = delegates.get(e.recipientKey);
      return {
        ...recordOf(e, subjectOf(e)),
        delegate: delegate
          ? { name: delegate.name, email: delegate.email, organisation: delegate.organisation ?? null }
          : null,
        at: problemAt(e),
      };
    }),
  };
};

export type MailProblem = Awaited<ReturnType<typeof mailProblems>>['problems'][number];
