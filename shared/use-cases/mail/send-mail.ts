import { awsErrorFacts } from '../../adapters/aws-error';
import { ledgerRepository, type LedgerEntry } from '../../adapters/dynamo/ledger-repository';
import { suppressionRepository } from '../../adapters/dynamo/suppression-repository';
import { logger } from '../../adapters/observability';
import { sendSettings } from '../../adapters/send-settings';
import { SendOutcomeUnknownError, SendRefusedError, sendRawEmail } from '../../adapters/ses';
import { nowIso, nowMs } from '../../clock';
import { addressBlockedReason } from '../../domain/delivery/mail-record';
import { classifySendFault, isConfigurationError } from '../../domain/delivery/send-fault';
import { mailCategory, type SendRequest } from '../../domain/mail/send-request';
import { RateLimiter, type Permit } from '../../domain/mail/rate-limiter';
import { composeMime } from '../../mail/mime';
import { RetryLaterError, type Delivery } from '../../queue/send-each';
import { ConfigurationFaultError } from './configuration-fault';
import { renderMail } from './renderers';

// One limiter per instance: the account's rate is split between the instances that may run at once.
const limiter = new RateLimiter(sendSettings.ratePerInstance);

/**
 * SES refusing a send for now (throttling) is tried again at once, through the limiter, this many times in
 * all before the mail goes back to the queue to back off: a refused call does not count against the rate,
 * so the mail keeps its turn instead of waiting seconds behind the campaign. With every tenth call refused,
 * three tries still sent the odd mail back to the queue, and one near a campaign's end came a second after
 * the rest (the bench's last two of 5,000). The limiter's spacing caps the calls however many tries.
 */
const TRIES_AT_ONCE = 5;

const sendPaced = async (
  raw: Buffer,
  tags: Readonly<Record<string, string>>,
  first: Permit,
): Promise<string> => {
  let permit = first;
  for (let tries = 1; ; tries += 1) {
    await permit.go();
    try {
      const messageId = await sendRawEmail(raw, tags);
      permit.done();
      return messageId;
    } catch (error) {
      if (!(error instanceof SendRefusedError)) {
        permit.done(); // SES may have taken it: it counts
        throw error;
      }
      permit.refund(); // SES refused it: nothing was sent, and it did not count against the rate
      if (error.fault.kind !== 'transient' || tries >= TRIES_AT_ONCE) throw error;
    }
    permit = await limiter.take();
  }
};

export type SendOutcome = 'sent' | 'suppressed' | 'skipped' | 'failed' | 'duplicate';

const backoffSeconds = (receiveCount: number): number =>
  Math.min(900, sendSettings.retryBaseSeconds * 2 ** Math.max(0, receiveCount - 1));

/** A held send backs off like a throttled one; on its last receive it goes straight on to the DLQ. */
const holdSeconds = (receiveCount: number): number =>
  receiveCount >= sendSettings.maxReceiveCount ? 0 : backoffSeconds(receiveCount);

/** The tag SES carries back on its events, so a Send event settles the entry even after a crash. */
export const messageTag = (request: SendRequest): string =>
  Buffer.from(JSON.stringify([request.messageKey, request.recipientKey])).toString('base64url');

/**
 * Sends one ledger entry, exactly once:
 * - an entry already settled is a duplicate delivery: nothing is sent;
 * - a claim younger than the lease may have reached SES (the sender crashed after SES took it): wait
 *   for SES's Send event to settle it; an older claim never reached SES and is sent again;
 * - suppressed addresses get nothing, unsubscribed ones no campaign mail;
 * - the claim (queued → sending) is a conditional write: only its winner calls SES; a copy that loses it
 *   comes back later rather than being deleted, as the winner may yet give the entry back;
 * - a send whose outcome is unknown (network error, timeout) keeps its claim, as after a crash;
 * - SES refusing for now (throttling) is tried again at once (TRIES_AT_ONCE), then gives the entry back
 *   and retries with backoff; on the last receive the entry is marked failed with the reason, and the
 *   message goes on to the DLQ;
 * - SES refusing this message (its content, its address) marks the entry failed;
 * - SES refusing for a configuration fault (AccessDenied, an unverified identity, a paused account)
 *   gives the entry back with the reason, never failed: the message retries with backoff, then waits in
 *   the DLQ until the cause is fixed and it is redriven, and the claim makes that send the only one.
 */
const attempt = async (request: SendRequest, delivery: Delivery): Promise<SendOutcome> => {
  const entry = await ledgerRepository.find(request);
  if (!entry) {
    logger.warn('Send request without a ledger entry', { ...request });
    return 'skipped';
  }
  if (entry.status !== 'queued' && entry.status !== 'sending') return 'duplicate';
  const staleBefore = new Date(nowMs() - sendSettings.claimLeaseSeconds * 1000).toISOString();
  if (entry.status === 'sending' && (entry.claimedAt ?? '') >= staleBefore) {
    // Usually another copy of this message is being sent right now and settles in a moment: look again
    // soon, backing off, and never later than the lease's end (a sender that crashed after SES took it).
    const leaseLeftSeconds = Math.ceil(
      (new Date(entry.claimedAt ?? 0).getTime() + sendSettings.claimLeaseSeconds * 1000 - nowMs()) / 1000,
    );
    throw new RetryLaterError(
      'Claimed by a send that may have reached SES; waiting for its Send event',
      Math.max(1, Math.min(leaseLeftSeconds, backoffSeconds(delivery.receiveCount))),
    );
  }

  const mail = await renderMail(entry.spec, request.messageKey);
  if (!mail) return settle(entry, 'skipped', 'Nothing to send any more (erased, cancelled or overtaken)');
  const blocked = await suppressionRepository.blocked(mail.to.address, mailCategory(entry.spec));
  if (blocked) return settle(entry, 'suppressed', addressBlockedReason(blocked), mail.subject);

  const raw = await composeMime(mail);
  // The mail's turn in the rate comes before its claim: one waiting for its turn holds no claim, so an
  // instance stopped while its batch waits (a timeout at a low rate) leaves no claim to wait out. It goes
  // to SES once the claim is won (sendPaced), so the claim's round trip is not lost from the second.
  const permit = await limiter.take();
  const claimed = await ledgerRepository.claim(request, nowIso(), staleBefore).catch((error: unknown) => {
    permit.refund();
    throw error;
  });
  if (!claimed) {
    permit.refund();
    // Another copy of this message claimed it a moment ago. Not a duplicate yet: that copy may still be
    // refused and give the entry back, and this message must then be here to send it. It looks again.
    throw new RetryLaterError(
      'Claimed by another copy of this message at the same moment; looking again',
      Math.max(1, backoffSeconds(delivery.receiveCount)),
    );
  }
  try {
    const sesMessageId = await sendPaced(raw, { convene_message: messageTag(request) }, permit);
    await ledgerRepository.settle(entry, ['sending'], 'sent', {
      at: nowIso(),
      sesMessageId,
      subject: mail.subject,
    });
    return 'sent';
  } catch (error) {
    if (error instanceof SendOutcomeUnknownError) {
      // Keep the claim: SES's Send event settles it if SES took the message; past the lease it is resent.
      throw new RetryLaterError(`Outcome unknown: ${error.message}`, sendSettings.claimLeaseSeconds);
    }
    if (!(error instanceof SendRefusedError)) throw error;
    const { fault } = error;
    if (fault.kind === 'configuration') {
      await ledgerRepository.block(request, fault.reason, nowIso());
      throw new ConfigurationFaultError(fault, holdSeconds(delivery.receiveCount));
    }
    const retryable = fault.kind === 'transient';
    if (retryable && delivery.receiveCount < sendSettings.maxReceiveCount) {
      await ledgerRepository.release(request, fault.reason);
      throw new RetryLaterError(fault.reason, backoffSeconds(delivery.receiveCount));
    }
    await ledgerRepository.settle(entry, ['sending'], 'failed', {
      at: nowIso(),
      reason: fault.reason,
      subject: mail.subject,
    });
    logger.error('Mail not sent', { ...request, reason: fault.reason });
    if (retryable) throw error; // the last receive: on to the DLQ, with the reason in the ledger
    return 'failed';
  }
};

const settle = async (
  entry: LedgerEntry,
  status: 'skipped' | 'suppressed',
  reason: string,
  subject?: string,
): Promise<SendOutcome> => {
  const settled = await ledgerRepository.settle(entry, ['queued', 'sending'], status, {
    at: nowIso(),
    reason,
    ...(subject === undefined ? {} : { subject }),
  });
  return settled ? status : 'duplicate';
};

/**
 * An AWS call on the way to SES refused for a configuration fault (AccessDenied on the table, a missing
 * secret): held like SES's own, its reason noted on the entry where the table lets us.
 */
const held = async (
  request: SendRequest,
  error: unknown,
  delivery: Delivery,
): Promise<ConfigurationFaultError | undefined> => {
  const facts = awsErrorFacts(error);
  if (!facts || !isConfigurationError(facts)) return undefined;
  const fault = classifySendFault(facts);
  // Best effort: the table itself may be what is refused; the fault is thrown on either way.
  await ledgerRepository.noteBlocked(request, fault.reason, nowIso()).catch(() => false);
  return new ConfigurationFaultError(fault, holdSeconds(delivery.receiveCount));
};

/**
 * On a message's last receive, whatever stopped it (a render that keeps failing, a bug) is recorded on
 * the ledger entry as failed, so a campaign's counts still add up when the message goes to the DLQ; a
 * configuration fault never is.
 */
export const sendMail = async (
  request: SendRequest,
  delivery: Delivery = { receiveCount: 1 },
): Promise<SendOutcome> => {
  try {
    return await attempt(request, delivery);
  } catch (error) {
    if (error instanceof RetryLaterError) throw error;
    const heldBack = await held(request, error, delivery);
    if (heldBack) throw heldBack;
    if (delivery.receiveCount >= sendSettings.maxReceiveCount) {
      const entry = await ledgerRepository.find(request);
      const reason = error instanceof Error ? error.message : String(error);
      if (entry)
        await ledgerRepository.settle(entry, ['queued', 'sending'], 'failed', { at: nowIso(), reason });
    }
    throw error;
  }
};
