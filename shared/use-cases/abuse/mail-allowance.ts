import { addressDigest } from '../../adapters/address-digest';
import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import { mailAllowanceRepository } from '../../adapters/dynamo/mail-allowance-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { now } from '../../clock';
import { untaggedAddress } from '../../domain/abuse/sign-up-rules';
import {
  NEW_REGISTRATION_MAILS_PER_DAY,
  WITHHELD_REASON,
  allowanceDay,
  allowanceExpiresAt,
  isNewRegistrationMail,
} from '../../domain/abuse/mail-allowance';
import { sendRequestFor, type RegistrationMailSpec } from '../../domain/mail/send-request';
import { dataExpiryOf } from '../gdpr/data-expiry';

/**
 * A new-registration mail takes one of its address's (untagged, keyed digest) allowance for the UTC day;
 * past the allowance it is recorded in the ledger as withheld, and true says the caller sends nothing.
 */
export const withholdOverAllowance = async (
  eventId: string,
  messageKey: string,
  spec: RegistrationMailSpec,
): Promise<boolean> => {
  const r = await registrationRepository.find(spec.registrationId);
  if (!r?.delegate || !isNewRegistrationMail(spec, r)) return false;
  const at = now();
  const day = allowanceDay(at);
  const digest = await addressDigest(untaggedAddress(r.delegate.email));
  const allowed = await mailAllowanceRepository.take(
    digest,
    day,
    messageKey,
    NEW_REGISTRATION_MAILS_PER_DAY,
    allowanceExpiresAt(day),
  );
  if (allowed) return false;
  await ledgerRepository.record(sendRequestFor(messageKey, spec), spec, at.toISOString(), eventId, {
    expiresAt: await dataExpiryOf(eventId),
    withheld: { reason: WITHHELD_REASON },
  });
  return true;
};
