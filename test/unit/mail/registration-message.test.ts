import { describe, expect, it } from '@jest/globals';
import {
  renderRegistrationMessage,
  type RegistrationMessageKind,
  type RegistrationMessageInput,
} from '../../../shared/mail/registration-message';
import { CHECK_IN_QR_CID, checkInQrImage } from '../../../shared/mail/check-in-qr';
import { aRegistration, icsLines, MANAGE_URL, organiser, UK_DATE_LINE } from './registration-fixture';

const placeFor: Record<RegistrationMessageKind, RegistrationMessageInput['eventPlace']> = {
  confirmed: 'confirmed',
  promoted: 'confirmed',
  waitlisted: 'waitlisted',
  cancelled: 'cancelled',
};

const render = (kind: RegistrationMessageKind, overrides: Partial<RegistrationMessageInput> = {}) =>
  renderRegistrationMessage(aRegistration({ kind, eventPlace: placeFor[kind], ...overrides }), organiser, {
    now: new Date('2027-03-01T12:00:00Z'),
  });

/** The items of the list that follows an `<h2>` heading, as text. */
const htmlListUnder = (html: string, heading: string): string[] => {
  const list = new RegExp(`<h2[^>]*>${heading}</h2>\\s*<ul[^>]*>([\\s\\S]*?)</ul>`).exec(html)?.[1];
  return list === undefined ? [] : [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? '');
};

/** The "- " lines that follow a heading line in the text part. */
const textListUnder = (text: string, heading: string): string[] => {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('- ')) break;
    items.push(line);
  }
  return items;
};

const icsProperty = (ics: string, name: string): string | undefined =>
  icsLines(ics)
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))
    ?.replace(/^[^:]*:/, '');

describe('registration emails', () => {
  it.each([
    ['confirmed', "You're booked: Primary Science Conference", "You're booked"],
    ['waitlisted', "You're on the waiting list: Primary Science Conference", "You're on the waiting list"],
    ['promoted', 'A place has come up: Primary Science Conference', 'A place has come up'],
    ['cancelled', 'Your place is cancelled: Primary Science Conference', 'Your place is cancelled'],
  ] as const)(
    'a %s message has its subject, heading, UK date line and manage link in both parts',
    (kind, subject, heading) => {
      const message = render(kind);

      expect(message.subject).toBe(subject);
      expect(message.text.startsWith(`${heading}\n`)).toBe(true);
      expect(message.html).toContain(`<h1 style="font-size:24px;line-height:1.3;margin:0 0 16px;">`);
      expect(message.html).toContain(heading.replace("'", '&#x27;'));
      expect(message.text).toContain(`When: ${UK_DATE_LINE}`);
      expect(message.html).toContain(UK_DATE_LINE);
      expect(message.text).toContain('Where: Assembly Rooms, 54 George Street, Edinburgh');
      expect(message.text).toContain(MANAGE_URL);
      // In HTML the link is attribute-escaped (= as &#x3D;), which a mail viewer reads back as the URL.
      expect(message.html).toContain(`href="${MANAGE_URL.replaceAll('=', '&#x3D;')}"`);
      expect(message.text).toContain('Contact Convene Events at events@convene.example');
    },
  );

  it('lists booked sessions under "Your sessions" and waitlisted ones under "Waiting list", in time order', () => {
    const message = render('confirmed', {
      sessions: [
        ...aRegistration().sessions,
        {
          sessionId: 's-early',
          title: 'Soil Science for Six-Year-Olds',
          startsAt: '2027-04-01T08:15:00.000Z',
          endsAt: '2027-04-01T08:45:00.000Z',
          status: 'confirmed',
        },
      ],
    });

    expect(textListUnder(message.text, 'Your sessions')).toEqual([
      '- Soil Science for Six-Year-Olds: Thursday 1 April 2027, 09:15 to 09:45',
      '- Teaching Forces with Marbles: Thursday 1 April 2027, 10:00 to 11:00',
    ]);
    expect(textListUnder(message.text, 'Waiting list')).toEqual([
      '- Rockets in the Playground: Thursday 1 April 2027, 14:00 to 15:00',
    ]);
    expect(htmlListUnder(message.html, 'Your sessions')).toEqual([
      '<strong>Soil Science for Six-Year-Olds</strong><br>Thursday 1 April 2027, 09:15 to 09:45',
      '<strong>Teaching Forces with Marbles</strong><br>Thursday 1 April 2027, 10:00 to 11:00',
    ]);
    expect(htmlListUnder(message.html, 'Waiting list')).toEqual([
      '<strong>Rockets in the Playground</strong><br>Thursday 1 April 2027, 14:00 to 15:00',
    ]);
  });

  it('a confirmation says clearly when some chosen sessions are only waitlisted', () => {
    const withWaiting = render('confirmed');
    const allBooked = render('confirmed', {
      sessions: aRegistration().sessions.filter((s) => s.status === 'confirmed'),
    });
    const note = 'Some sessions you chose are full, so you are on their waiting list';

    expect(withWaiting.text).toContain(note);
    expect(withWaiting.html).toContain(note);
    expect(allBooked.text).not.toContain(note);
    expect(allBooked.text).not.toContain('Waiting list');
    expect(allBooked.html).not.toContain('Waiting list');
  });

  it('a delegate who chose no sessions gets neither session heading', () => {
    const message = render('confirmed', { sessions: [] });

    expect(message.text).not.toContain('Your sessions');
    expect(message.html).not.toContain('Your sessions');
    expect(message.text).not.toContain('Waiting list');
  });

  it('an event waiting list message explains they will be emailed if a place comes up, with no invite', () => {
    const message = render('waitlisted');

    expect(message.text).toContain('is full at the moment, so you are on the waiting list');
    expect(message.text).toContain('we will email you if a place comes up');
    expect(message.html).toContain('we will email you if a place comes up');
    expect(message.calendar).toBeUndefined();
  });

  it('a session waiting list message for a delegate with an event place says the place is kept', () => {
    const message = render('waitlisted', { eventPlace: 'confirmed' });

    expect(message.text).toContain('you still have your place at Primary Science Conference');
    expect(textListUnder(message.text, 'Waiting list')).toEqual([
      '- Rockets in the Playground: Thursday 1 April 2027, 14:00 to 15:00',
    ]);
    expect(message.calendar).toBeUndefined();
  });

  it('shows the check-in code as text in both parts and in the invite while the delegate holds a place', () => {
    const booked = render('confirmed', { checkInCode: 'K7QX3M9P' });
    const promoted = render('promoted', { checkInCode: 'K7QX3M9P' });

    expect(booked.text).toContain('Check-in code: K7QX3M9P');
    expect(booked.html).toContain('K7QX3M9P');
    expect(booked.calendar?.content).toContain('Check-in code: K7QX3M9P');
    expect(promoted.text).toContain('Check-in code: K7QX3M9P');
    expect(render('waitlisted', { checkInCode: 'K7QX3M9P' }).text).not.toContain('K7QX3M9P');
    expect(render('cancelled', { checkInCode: 'K7QX3M9P' }).html).not.toContain('K7QX3M9P');
    expect(render('confirmed').text).not.toContain('Check-in code');
  });

  it('shows the code as a QR image above it, sent inline with the mail, while the delegate holds a place', async () => {
    const checkInQr = await checkInQrImage('K7QX3M9P');
    const booked = render('confirmed', { checkInCode: 'K7QX3M9P', checkInQr });
    const promoted = render('promoted', { checkInCode: 'K7QX3M9P', checkInQr });

    expect(booked.html).toContain(
      `<img src="cid:${CHECK_IN_QR_CID}" width="174" height="174" alt="QR code of your check-in code, K7QX3M9P"`,
    );
    expect(booked.images).toEqual([checkInQr]);
    expect(promoted.images).toEqual([checkInQr]);
    // The code stays as text too: for a desk without a scanner, and mail that shows no images.
    expect(booked.html).toContain('>K7QX3M9P</strong>');
    expect(booked.text).toContain('Check-in code: K7QX3M9P');
    expect(render('waitlisted', { checkInCode: 'K7QX3M9P', checkInQr }).images).toBeUndefined();
    expect(render('cancelled', { checkInCode: 'K7QX3M9P', checkInQr }).html).not.toContain('cid:');
    expect(render('confirmed', { checkInCode: 'K7QX3M9P' }).html).not.toContain('<img');
  });

  it('a cancellation lists no sessions, so nothing reads as still booked', () => {
    const message = render('cancelled');

    expect(message.text).not.toContain('Your sessions');
    expect(message.html).not.toContain('Teaching Forces with Marbles');
    expect(message.text).toContain('View your registration');
  });

  it('HTML-escapes user text in the name, event, venue and session titles; the text part keeps it as written', () => {
    const hostile = '<script>alert(1)</script> & Co';
    const message = render('confirmed', {
      delegate: { name: `Eve ${hostile}`, email: 'eve@example.com' },
      event: {
        ...aRegistration().event,
        title: `Science ${hostile}`,
        venue: { name: `Hall ${hostile}`, address: `Street ${hostile}` },
      },
      sessions: [{ ...aRegistration().sessions[0]!, title: `Session ${hostile}` }],
    });

    expect(message.html).not.toContain('<script');
    expect(message.html).not.toContain(' & Co');
    expect(message.html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(message.html).toContain('Science &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(message.html).toContain('Hall &lt;script&gt;');
    expect(message.html).toContain('Street &lt;script&gt;');
    expect(message.html).toContain('Session &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(message.text).toContain(`Hello Eve ${hostile},`);
    expect(message.subject).toBe(`You're booked: Science ${hostile}`);
  });

  it('keeps user text on one line, so a title cannot add lines to the subject or the text layout', () => {
    const message = render('confirmed', {
      event: { ...aRegistration().event, title: 'Science\r\nBcc: attacker@example.com' },
    });

    expect(message.subject).toBe("You're booked: Science Bcc: attacker@example.com");
    expect(message.text).not.toMatch(/^Bcc:/m);
  });

  it('notes the zone when the event is not on UK time', () => {
    const paris = render('confirmed', {
      event: { ...aRegistration().event, timezone: 'Europe/Paris' },
      sessions: [],
    });

    expect(paris.text).toContain('When: Thursday 1 April 2027, 10:00 to 17:30');
    expect(paris.text).toContain('Times are local to the event (Europe/Paris).');
    expect(render('confirmed').text).not.toContain('Times are local');
  });

  it.each([
    ['confirmed', 'waitlisted'],
    ['promoted', 'cancelled'],
    ['cancelled', 'confirmed'],
    ['waitlisted', 'cancelled'],
  ] as const)('refuses a %s message for an event place that is %s', (kind, eventPlace) => {
    expect(() => render(kind, { eventPlace })).toThrow(/cannot describe an event place/);
  });

  it('refuses a manage link that is not a web address', () => {
    expect(() => render('confirmed', { manageUrl: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
  });

  describe('calendar invite', () => {
    it('confirmed and promoted messages carry a METHOD:REQUEST invite; cancelled a METHOD:CANCEL one', () => {
      const confirmed = render('confirmed').calendar;
      const promoted = render('promoted').calendar;
      const cancelled = render('cancelled').calendar;

      expect(confirmed?.method).toBe('REQUEST');
      expect(promoted?.method).toBe('REQUEST');
      expect(cancelled?.method).toBe('CANCEL');
      expect(icsProperty(confirmed!.content, 'METHOD')).toBe('REQUEST');
      expect(icsProperty(confirmed!.content, 'STATUS')).toBe('CONFIRMED');
      expect(icsProperty(cancelled!.content, 'METHOD')).toBe('CANCEL');
      expect(icsProperty(cancelled!.content, 'STATUS')).toBe('CANCELLED');
    });

    it('keeps one UID per registration across every kind, so calendars update the same entry', () => {
      const uids = (['confirmed', 'promoted', 'cancelled'] as const).map((kind) =>
        icsProperty(render(kind).calendar!.content, 'UID'),
      );
      const otherRegistration = render('confirmed', {
        registrationId: '01JREG0000000000000000001',
      }).calendar!;

      expect(uids).toEqual([
        '01JREG0000000000000000000@convene',
        '01JREG0000000000000000000@convene',
        '01JREG0000000000000000000@convene',
      ]);
      expect(icsProperty(otherRegistration.content, 'UID')).toBe('01JREG0000000000000000001@convene');
    });

    it('numbers each version with SEQUENCE, so a later cancellation replaces the earlier invite', () => {
      const invite = render('confirmed', { sequence: 1 }).calendar!;
      const cancellation = render('cancelled', { sequence: 3 }).calendar!;

      expect(icsProperty(invite.content, 'SEQUENCE')).toBe('1');
      expect(icsProperty(cancellation.content, 'SEQUENCE')).toBe('3');
    });

    it('writes the event times in UTC with the title, venue, organiser, manage link and DTSTAMP', () => {
      const ics = render('confirmed').calendar!.content;

      expect(icsProperty(ics, 'DTSTART')).toBe('20270401T080000Z');
      expect(icsProperty(ics, 'DTEND')).toBe('20270401T153000Z');
      expect(icsProperty(ics, 'DTSTAMP')).toBe('20270301T120000Z');
      expect(icsProperty(ics, 'SUMMARY')).toBe('Primary Science Conference');
      expect(icsProperty(ics, 'LOCATION')).toBe('Assembly Rooms\\, 54 George Street\\, Edinburgh');
      expect(icsLines(ics)).toContain('ORGANIZER;CN="Convene Events":MAILTO:events@convene.example');
      expect(icsProperty(ics, 'DESCRIPTION')).toContain(MANAGE_URL);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    });

    it('CR/LF or quotes in user text cannot add an iCalendar property', () => {
      const ics = render('confirmed', {
        delegate: { name: 'Eve"\r\nATTENDEE:mailto:attacker@example.com', email: 'eve@example.com' },
        event: { ...aRegistration().event, title: 'Science\rORGANIZER:mailto:attacker@example.com' },
      }).calendar!.content;

      const lines = icsLines(ics);
      expect(lines.filter((line) => line.startsWith('ATTENDEE'))).toHaveLength(1);
      expect(lines.filter((line) => line.startsWith('ORGANIZER'))).toEqual([
        'ORGANIZER;CN="Convene Events":MAILTO:events@convene.example',
      ]);
      expect(lines.find((line) => line.startsWith('ATTENDEE'))).toContain(
        `CN="Eve' ATTENDEE:mailto:attacker@example.com":mailto:eve@example.com`,
      );
    });
  });
});
