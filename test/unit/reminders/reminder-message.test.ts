import { describe, expect, it } from '@jest/globals';
import { renderReminderMessage, type ReminderMessageInput } from '../../../shared/mail/reminder-message';

const MANAGE_URL = 'https://convene.example/registrations/reg_01jreg?token=tok.en-123';
const organiser = { name: 'Convene Events', email: 'events@convene.example' };

const aReminder = (overrides: Partial<ReminderMessageInput> = {}): ReminderMessageInput => ({
  delegate: { name: 'Siân Jones' },
  event: {
    title: 'Primary Science Conference',
    timezone: 'Europe/London',
    startsAt: '2027-04-01T08:00:00.000Z',
    endsAt: '2027-04-01T15:30:00.000Z',
    venue: { name: 'Assembly Rooms', address: '54 George Street, Edinburgh' },
  },
  step: {},
  sessions: [
    {
      title: 'Rockets in the Playground',
      startsAt: '2027-04-01T13:00:00.000Z',
      endsAt: '2027-04-01T14:00:00.000Z',
      status: 'waitlisted',
    },
    {
      title: 'Teaching Forces with Marbles',
      startsAt: '2027-04-01T09:00:00.000Z',
      endsAt: '2027-04-01T10:00:00.000Z',
      status: 'confirmed',
    },
  ],
  manageUrl: MANAGE_URL,
  ...overrides,
});

const dayBefore = { now: new Date('2027-03-31T08:00:00Z') };

/** Handlebars escapes `=` too; a browser reads `&#x3D;` back as `=`. */
const inHtml = (value: string): string => value.replace(/=/g, '&#x3D;');

describe('reminder emails', () => {
  it('have a default subject naming the event and its day, in the event zone', () => {
    const message = renderReminderMessage(aReminder(), organiser, dayBefore);
    expect(message.subject).toBe('Reminder: Primary Science Conference on Thursday 1 April');
  });

  it("use the step's own subject and text, the text in paragraphs", () => {
    const message = renderReminderMessage(
      aReminder({
        step: {
          subject: 'See you tomorrow',
          text: 'Registration opens at 08:30.\nBring your badge.\n\nParking is free.',
        },
      }),
      organiser,
      dayBefore,
    );
    expect(message.subject).toBe('See you tomorrow');
    expect(message.text).toContain('Registration opens at 08:30.\nBring your badge.\n\nParking is free.');
    expect(message.html).toContain('Registration opens at 08:30.<br>Bring your badge.</p>');
    expect(message.html).toContain('>Parking is free.</p>');
  });

  it('give the practical details: the UK date line, venue and address, sessions and the manage link', () => {
    const { text, html } = renderReminderMessage(aReminder(), organiser, dayBefore);
    for (const part of [text, html]) {
      expect(part).toContain('Thursday 1 April 2027, 09:00 to 16:30');
      expect(part).toContain('Assembly Rooms, 54 George Street, Edinburgh');
      expect(part).toContain('Teaching Forces with Marbles');
      expect(part).toContain('Rockets in the Playground');
    }
    expect(text).toContain(`Manage your registration:\n${MANAGE_URL}`);
    expect(text).toContain(
      'Your sessions\n- Teaching Forces with Marbles: Thursday 1 April 2027, 10:00 to 11:00',
    );
    expect(text).toContain('Waiting list\n- Rockets in the Playground');
    expect(html).toContain(`href="${inHtml(MANAGE_URL)}"`);
  });

  it('say how far off the day is, by the calendar of the event zone', () => {
    const at = (iso: string) =>
      renderReminderMessage(aReminder(), organiser, { now: new Date(iso) }).text.split('\n')[0];
    expect(at('2027-03-31T23:30:00Z')).toBe('Primary Science Conference is today'); // 00:30 BST on the day
    expect(at('2027-03-31T08:00:00Z')).toBe('Primary Science Conference is tomorrow');
    expect(at('2027-03-25T09:00:00Z')).toBe('Primary Science Conference is in 7 days');
    expect(at('2027-02-01T09:00:00Z')).toBe('Primary Science Conference is on Thursday 1 April 2027');
  });

  it('escape user text in the HTML part and keep it on its lines in headers', () => {
    const message = renderReminderMessage(
      aReminder({
        delegate: { name: '<b>Eve</b>' },
        event: { ...aReminder().event, title: 'Science & <script>alert(1)</script>' },
        step: { subject: 'Hi\r\nBcc: x@example.com', text: '<img src=x onerror=alert(1)>' },
      }),
      organiser,
      dayBefore,
    );
    expect(message.subject).toBe('Hi Bcc: x@example.com');
    expect(message.html).not.toMatch(/<script>|<img|<b>Eve/);
    expect(message.html).toContain(inHtml('&lt;img src=x onerror=alert(1)&gt;'));
    expect(message.html).toContain('Science &amp; &lt;script&gt;');
    expect(message.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('leave out the sessions when the delegate chose none, and note a zone other than UK time', () => {
    const message = renderReminderMessage(
      aReminder({
        sessions: [],
        event: { ...aReminder().event, timezone: 'Europe/Paris', startsAt: '2027-04-01T07:00:00.000Z' },
      }),
      organiser,
      dayBefore,
    );
    expect(message.text).not.toContain('Your sessions');
    expect(message.html).not.toContain('Your sessions');
    expect(message.text).toContain('Times are local to the event (Europe/Paris).');
  });

  it('refuse a manage link that is not a web address', () => {
    expect(() =>
      renderReminderMessage(aReminder({ manageUrl: 'javascript:alert(1)' }), organiser, dayBefore),
    ).toThrow(/manageUrl/);
  });
});
