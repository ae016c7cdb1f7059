import { describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import {
  renderEventChangeMessage,
  type EventChangeMessageInput,
} from '../../../shared/mail/event-change-message';
import { composeMime } from '../../../shared/mail/mime';

const organiser = { name: 'Ada Okafor', email: 'ada@trust.example.org' };
const stamp = new Date('2027-03-01T10:00:00Z');

const input = (overrides: Partial<EventChangeMessageInput> = {}): EventChangeMessageInput => ({
  kind: 'changed',
  registrationId: 'reg_1',
  delegate: { name: 'Siân Jones', email: 'sian@school.example.org' },
  event: {
    title: 'North West Conference',
    timezone: 'Europe/London',
    startsAt: '2027-04-08T08:00:00.000Z',
    endsAt: '2027-04-08T15:30:00.000Z',
    venue: { name: 'Bolton Arena' },
  },
  changes: [
    {
      what: 'times',
      before: {
        startsAt: '2027-03-25T09:00:00.000Z',
        endsAt: '2027-03-25T16:30:00.000Z',
        timezone: 'Europe/London',
      },
      after: {
        startsAt: '2027-04-08T08:00:00.000Z',
        endsAt: '2027-04-08T15:30:00.000Z',
        timezone: 'Europe/London',
      },
    },
    { what: 'venue', before: { name: 'Manchester Central' }, after: { name: 'Bolton Arena' } },
  ],
  sessions: [],
  manageUrl: 'https://events.example.org/registrations/reg_1?token=t',
  hasPlace: true,
  sequence: 7,
  ...overrides,
});

describe('the mail telling delegates their event changed', () => {
  it('says what changed before and after, in the event zone with UK dates, with an invite of the given SEQUENCE', () => {
    const message = renderEventChangeMessage(input(), organiser, { now: stamp });

    expect(message.subject).toBe('North West Conference has changed');
    expect(message.text).toContain('Was: Thursday 25 March 2027, 09:00 to 16:30');
    expect(message.text).toContain('Now: Thursday 8 April 2027, 09:00 to 16:30');
    expect(message.text).toContain('Was: Manchester Central');
    expect(message.text).toContain('Questions? Contact Ada Okafor at ada@trust.example.org.');
    expect(message.calendar?.method).toBe('REQUEST');
    expect(message.calendar?.content).toMatch(/UID:reg_1@convene/);
    expect(message.calendar?.content).toMatch(/SEQUENCE:7/);
    expect(message.calendar?.content).toMatch(/DTSTART:20270408T080000Z/);
  });

  it('sends no invite to a delegate without a place, and a CANCEL invite when the event is cancelled', () => {
    expect(renderEventChangeMessage(input({ hasPlace: false }), organiser).calendar).toBeUndefined();
    const cancelled = renderEventChangeMessage(input({ kind: 'cancelled', changes: [] }), organiser);
    expect(cancelled.subject).toBe('Cancelled: North West Conference');
    expect(cancelled.calendar?.method).toBe('CANCEL');
    expect(cancelled.calendar?.content).toMatch(/STATUS:CANCELLED/);
  });

  it('escapes the organiser text in HTML', () => {
    const message = renderEventChangeMessage(
      input({ event: { ...input().event, venue: { name: '<b>Hall</b>' } } }),
      organiser,
    );
    expect(message.html).not.toContain('<b>Hall</b>');
  });
});

describe('Reply-To', () => {
  it('is written from the mail, so replies go to the event contact', async () => {
    const raw = await composeMime({
      from: 'Convene <events@convene.example>',
      to: { name: 'Siân', address: 'sian@school.example.org' },
      replyTo: { name: 'Ada Okafor', address: 'ada@trust.example.org' },
      subject: 'Hi',
      text: 'Hi',
      html: '<p>Hi</p>',
    });
    const parsed = await simpleParser(raw);
    expect(parsed.replyTo?.value).toEqual([{ name: 'Ada Okafor', address: 'ada@trust.example.org' }]);
  });
});
