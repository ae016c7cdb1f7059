import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { notFound } from '../../domain/errors';
import type { Registration } from '../../domain/registration';

/** Every registration of an event with its personal data, for organisers. */
export const listRegistrations = async (eventId: string) => {
  const found = await conferenceRepository.find(eventId);
  if (!found) throw notFound('The event');
  const titles = new Map(found.conference.sessions.map((s) => [s.id, s.title]));
  const rows: ReturnType<typeof organiserView>[] = [];
  for await (const page of registrationRepository.ofEvent(eventId)) {
    rows.push(...page.map((r) => organiserView(r, titles)));
  }
  return { eventId, registrations: rows };
};

/** One registration as organisers see it: the delegate's details (or `erased`), status and sessions. */
export const organiserView = (r: Registration, titles: ReadonlyMap<string, string>) => ({
  registrationId: r.registrationId,
  status: r.status,
  attended: r.attendedAt !== undefined,
  requestedAt: r.requestedAt,
  ...(r.delegate
    ? {
        name: r.delegate.name,
        email: r.delegate.email,
        organisation: r.delegate.organisation ?? null,
        role: r.delegate.role ?? null,
        dietary: r.delegate.dietary ?? null,
        accessNeeds: r.delegate.accessNeeds ?? null,
        consent: r.delegate.consent,
      }
    : { erased: true }),
  sessions: r.sessionOrder.map((sessionId) => ({
    sessionId,
    title: titles.get(sessionId) ?? sessionId,
    status: r.sessions[sessionId] === 'confirmed' ? 'confirmed' : 'waitlisted',
  })),
});

export type OrganiserRegistration = ReturnType<typeof organiserView>;
