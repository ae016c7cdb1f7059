import { DelegateSubstituted } from '../../../events';
import { publish } from '../../adapters/bus';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { claimAddress } from '../../domain/abuse/sign-up-rules';
import { conflict, notFound } from '../../domain/errors';
import { normaliseEmail, type Delegate } from '../../domain/registration';
import { claimDigest } from './address-claim';
import { announceOutcome } from './announce';
import { alreadyRegistered } from './already-registered';

export interface Substitute {
  readonly name: string;
  readonly email: string;
  readonly organisation?: string;
  readonly role?: string;
}

/**
 * A colleague takes a delegate's place: the place, sessions and waiting-list position stay; the email
 * claim moves to the new address. The new delegate gets the booking mail (a new version, so a new mail
 * with its own manage link); the one who passed it on gets a short note. The old delegate's needs and
 * consent are theirs, so they do not pass on.
 */
export const substituteDelegate = async (eventId: string, registrationId: string, next: Substitute) => {
  const email = normaliseEmail(next.email);
  for (;;) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.eventId !== eventId || !r.delegate) throw notFound('The registration');
    if (r.status !== 'confirmed' && r.status !== 'waitlisted') {
      throw conflict(
        'not_registered',
        `Only a confirmed or waiting place can pass on; this one is ${r.status}.`,
      );
    }
    const found = await conferenceRepository.find(eventId);
    const claim = found ? claimAddress(email, found.conference) : email;
    const [digest, held] = await Promise.all([
      claimDigest(claim),
      claimDigest(r.claimedEmail ?? r.delegate.email),
    ]);
    const holderId = await registrationRepository.emailHolder(eventId, digest);
    const holder = holderId ? await registrationRepository.find(holderId) : undefined;
    if (
      holderId &&
      (holderId === registrationId || (holder?.status !== 'cancelled' && holder?.status !== 'rejected'))
    ) {
      throw alreadyRegistered();
    }
    const delegate: Delegate = {
      name: next.name,
      email,
      ...((next.organisation ?? r.delegate.organisation)
        ? { organisation: next.organisation ?? r.delegate.organisation }
        : {}),
      ...(next.role ? { role: next.role } : {}),
      consent: { updates: false },
    };
    const outcome = await registrationRepository.substitute(
      { ...r, delegate: r.delegate },
      delegate,
      holderId,
      {
        held,
        next: digest,
        address: claim,
      },
    );
    if (!outcome.ok && outcome.failed.includes('email_taken')) throw alreadyRegistered();
    if (!outcome.ok) continue; // changed meanwhile (a promotion): read again
    const substituted = await registrationRepository.find(registrationId);
    if (!substituted) throw notFound('The registration');
    await announceOutcome(substituted);
    // The version this change made: it names the delegate who passed the place on.
    await publish(DelegateSubstituted, { registrationId, eventId, version: r.version + 1 });
    return {
      registrationId,
      status: substituted.status as 'confirmed' | 'waitlisted',
      substituted: true as const,
    };
  }
};
