import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { notFound } from '../../domain/errors';
import { withNeeds } from '../../domain/gdpr/needs';
import type { Registration } from '../../domain/registration';

/**
 * Every registration of an event with its personal data, for organisers; needs (kept apart, in items of
 * their own) only when asked for.
 */
export const listRegistrations = async (eventId: string, options: { readonly needs?: boolean } = {}) => {
  const found = await conferenceRepository.find(eventId);
  if (!found) throw notFound('The event');
  const titles = new Map(found.conference.sessions.map((s) => [s.id, s.title]));
  const needs = options.needs ? await registrationRepository.needsOfEvent(eventId) : undefined;
  const rows: ReturnType<typeof organiserView>[] = [];
  for await (const page of registrationRepository.ofEvent(eventId)) {
    rows.push(
      ...page.map((r) =>
        organiserView(
          needs && r.delegate ? { ...r, delegate: withNeeds(r.delegate, needs.get(r.registrationId)) } : r,
          titles,
          needs !== undefined,
        ),
      ),
    );
  }
  return { eventId, registrations: rows };
};

/**
 * One registration as organisers see it: the delegate's details (or `erased`), status and sessions;
 * access and dietary needs only with `needs` (special category data, shared/domain/gdpr/needs.ts).
 */
export const organiserView = (r: Registration, titles: ReadonlyMap<string, string>, needs: boolean) => ({
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
        ...(needs
          ? { dietary: r.delegate.dietary ?? null, accessNeeds: r.delegate.accessNeeds ?? null }
          : {}),
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
