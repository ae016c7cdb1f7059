import { DateTime } from 'luxon';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import { signLocalToken } from './local-auth';

/**
 * The demo conference `npm start` seeds: a regional school-led-system day on a Thursday about two
 * months after the local clock's today, so it is always in the future.
 */
export const demoConference = (today: Date): CreateEventRequest => {
  let day = DateTime.fromJSDate(today, { zone: 'Europe/London' }).plus({ days: 60 }).startOf('day');
  while (day.weekday !== 4) day = day.plus({ days: 1 });
  const on = (time: string): string => `${day.toFormat('yyyy-MM-dd')}T${time}`;
  const workshop = (id: string, title: string) => ({
    id,
    title,
    kind: 'workshop' as const,
    startsAt: on('11:00'),
    endsAt: on('12:15'),
    capacity: 40,
  });
  return {
    title: 'North West School-Led System Conference',
    timezone: 'Europe/London',
    startsAt: on('09:00'),
    endsAt: on('16:30'),
    venue: { name: 'Manchester Central', address: 'Windmill Street, Manchester M2 3GX' },
    capacity: 350,
    sessions: [
      {
        id: 'opening-keynote',
        title: 'Opening keynote: a self-improving school system',
        kind: 'keynote',
        startsAt: on('09:30'),
        endsAt: on('10:30'),
      },
      workshop('ws-curriculum', 'Curriculum leadership across a trust'),
      workshop('ws-send', 'Inclusion and SEND in mainstream classrooms'),
      workshop('ws-retention', 'Recruiting and keeping early-career teachers'),
      workshop('ws-peer-review', 'Peer review that changes practice'),
      {
        id: 'networking-lunch',
        title: 'Networking lunch',
        kind: 'networking',
        startsAt: on('12:15'),
        endsAt: on('13:15'),
      },
      {
        id: 'closing-keynote',
        title: 'Closing keynote: from collaboration to impact',
        kind: 'keynote',
        startsAt: on('15:30'),
        endsAt: on('16:30'),
      },
    ],
    reminders: [
      { daysBefore: 14, at: '09:00', subject: 'Two weeks to go' },
      { daysBefore: 7, at: '09:00', subject: 'One week to go: your workshop and travel' },
      {
        daysBefore: 1,
        at: '16:00',
        subject: 'See you tomorrow',
        text: 'Registration opens at 08:30 in the main foyer.',
      },
    ],
    survey: {
      daysAfter: 1,
      at: '10:00',
      closesAfterDays: 14,
      reminder: { daysAfter: 5, at: '10:00' },
      questions: [
        {
          id: 'overall',
          kind: 'rating',
          prompt: 'Overall, how would you rate the conference?',
          required: true,
        },
        {
          id: 'recommend',
          kind: 'nps',
          prompt: 'How likely are you to recommend it to a colleague?',
          required: true,
        },
        {
          id: 'best-part',
          kind: 'choice',
          prompt: 'Which part was most useful?',
          options: ['Keynotes', 'Workshops', 'Networking'],
        },
        { id: 'next-time', kind: 'text', prompt: 'What should we change next time?' },
      ],
    },
  };
};

/** The demo's posts to X, before, during and after the day; offsets, so they move with the event. */
export const demoPosts = [
  {
    text: 'Places are going fast for the North West School-Led System Conference. Book yours today.',
    offset: { from: 'start', minutes: -14 * 24 * 60 },
  },
  {
    text: 'Doors open in 30 minutes: registration is in the main foyer. See you soon!',
    offset: { from: 'start', minutes: -30 },
  },
  {
    thread: [
      'Thank you to everyone who joined us today: speakers, workshop leaders and all 350 of you.',
      "Your survey link is in your inbox. Two minutes of feedback shapes next year's programme.",
    ],
    offset: { from: 'end', minutes: 60 },
  },
] as const;

/** Seeds through the HTTP API, as an organiser would: create, then publish. Returns the event id. */
export const seedDemo = async (apiUrl: string, today: Date): Promise<string> => {
  const headers = {
    authorization: `Bearer ${await signLocalToken(['organisers'], { subject: 'seed' })}`,
    'content-type': 'application/json',
  };
  const created = await fetch(`${apiUrl}/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify(demoConference(today)),
  });
  if (created.status !== 201)
    throw new Error(`Seeding failed: POST /events ${created.status} ${await created.text()}`);
  const { eventId } = (await created.json()) as { eventId: string };
  const published = await fetch(`${apiUrl}/events/${eventId}/publish`, { method: 'POST', headers });
  if (published.status !== 200)
    throw new Error(`Seeding failed: publish ${published.status} ${await published.text()}`);
  // The comms team schedules the posts.
  const comms = {
    authorization: `Bearer ${await signLocalToken(['comms'], { subject: 'seed' })}`,
    'content-type': 'application/json',
  };
  for (const post of demoPosts) {
    const scheduled = await fetch(`${apiUrl}/events/${eventId}/social-posts`, {
      method: 'POST',
      headers: comms,
      body: JSON.stringify(post),
    });
    if (scheduled.status !== 201)
      throw new Error(`Seeding failed: social post ${scheduled.status} ${await scheduled.text()}`);
  }
  return eventId;
};
