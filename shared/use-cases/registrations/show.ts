import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { notFound } from '../../domain/errors';
import { programmeOf, publicRegistration } from '../../domain/registration';

/** A registration's status and the delegate's day for anyone holding its id: no personal data. */
export const showRegistration = async (registrationId: string) => {
  const r = await registrationRepository.find(registrationId);
  if (!r) throw notFound('The registration');
  const found = await conferenceRepository.find(r.eventId);
  const day = found
    ? programmeOf(found.conference, r).map(({ session, status, chosen }) => ({
        sessionId: session.id,
        title: session.title,
        kind: session.kind,
        startsAtUtc: session.startsAt,
        endsAtUtc: session.endsAt,
        status,
        chosen,
      }))
    : [];
  return { ...publicRegistration(r), day };
};
