import { DateTime } from 'luxon';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import type { LocalStack } from '../../infra/local/stack';
import type { apiClient } from './local-stack';

/** A small event some weeks after the stack's clock: a keynote, two overlapping workshops, a later one. */
export const smallConference = (
  today: Date,
  options: { capacity?: number; workshopCapacity?: number; title?: string } = {},
): CreateEventRequest => {
  const day = DateTime.fromJSDate(today, { zone: 'Europe/London' }).plus({ days: 40 }).toFormat('yyyy-MM-dd');
  return {
    title: options.title ?? 'Trust leaders day',
    timezone: 'Europe/London',
    startsAt: `${day}T09:00`,
    endsAt: `${day}T16:30`,
    venue: { name: 'Leeds Civic Hall' },
    capacity: options.capacity ?? 100,
    sessions: [
      {
        id: 'keynote',
        title: 'Opening keynote',
        kind: 'keynote',
        startsAt: `${day}T09:30`,
        endsAt: `${day}T10:30`,
      },
      {
        id: 'ws-a',
        title: 'Workshop A',
        kind: 'workshop',
        startsAt: `${day}T11:00`,
        endsAt: `${day}T12:00`,
        capacity: options.workshopCapacity ?? Math.min(20, options.capacity ?? 100),
      },
      {
        id: 'ws-b',
        title: 'Workshop B',
        kind: 'workshop',
        startsAt: `${day}T11:00`,
        endsAt: `${day}T12:00`,
        capacity: options.workshopCapacity ?? Math.min(20, options.capacity ?? 100),
      },
      {
        id: 'ws-c',
        title: 'Workshop C',
        kind: 'workshop',
        startsAt: `${day}T14:00`,
        endsAt: `${day}T15:00`,
        capacity: options.workshopCapacity ?? Math.min(20, options.capacity ?? 100),
      },
    ],
  };
};

/** Creates and publishes an event through the API; returns its id. */
export const publishedEvent = async (
  stack: LocalStack,
  api: ReturnType<typeof apiClient>,
  body: CreateEventRequest,
): Promise<string> => {
  const created = await api.call<{ eventId: string }>('POST', '/events', { body, as: 'organisers' });
  if (created.status !== 201)
    throw new Error(`create failed ${created.status} ${JSON.stringify(created.body)}`);
  const published = await api.call('POST', `/events/${created.body.eventId}/publish`, { as: 'organisers' });
  if (published.status !== 200) throw new Error(`publish failed ${published.status}`);
  await stack.settle();
  return created.body.eventId;
};

/** The manage link's registration id and token, read from a mail's text. */
export const manageLinkIn = (text: string): { registrationId: string; token: string } => {
  const match = /\/registrations\/(reg_[a-z0-9]+)\?token=([\w.-]+)/.exec(text);
  if (!match) throw new Error(`No manage link in: ${text.slice(0, 300)}`);
  return { registrationId: match[1]!, token: match[2]! };
};

let addresses = 0;
/** An address no other test of the run uses, so each test owns its delegates. */
export const uniqueEmail = (label: string): string =>
  `${label}-${(addresses += 1)}-${Date.now()}@school.example.org`;
