import { describe, expect, it } from '@jest/globals';
import { calendarText, calendarUtc, foldLine, writeCalendar } from '../../../shared/mail/icalendar';
import { readICalendar } from '../plan/read-ical';

describe('the iCalendar writer', () => {
  it('escapes TEXT as RFC 5545 does: backslash, semicolon, comma, line breaks', () => {
    expect(calendarText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('writes instants in UTC without milliseconds', () => {
    expect(calendarUtc(new Date('2027-04-01T08:00:00.456Z'))).toBe('20270401T080000Z');
  });

  it('folds at 75 octets, a space before each continuation, never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');

    expect(folded.length).toBeGreaterThan(2);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('leaves a line of 75 octets as it is', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}Y`)).toBe(`${line}\r\n Y`);
  });

  it('quotes parameters, turning quotes into apostrophes and controls into spaces', () => {
    const text = writeCalendar({
      productId: '-//T//T//EN',
      method: 'REQUEST',
      events: [
        [{ name: 'ATTENDEE', params: { RSVP: false, CN: 'Eve "x"\r\nEND:VEVENT' }, value: 'mailto:e@x' }],
      ],
    });

    expect(text).toContain(`ATTENDEE;RSVP=FALSE;CN="Eve 'x' END:VEVENT":mailto:e@x\r\n`);
    expect(readICalendar(text).events).toHaveLength(1);
  });

  it('names the calendar with its TEXT escaped, and reads back as written', () => {
    const calendar = readICalendar(
      writeCalendar({
        productId: '-//T//T//EN',
        method: 'PUBLISH',
        name: 'Comms plan: Leeds, spring; "day"',
        events: [[{ name: 'SUMMARY', value: calendarText('One, two; three\nfour') }]],
      }),
    );

    expect(calendar.properties).toMatchObject({
      METHOD: 'PUBLISH',
      'X-WR-CALNAME': 'Comms plan: Leeds, spring; "day"',
    });
    expect(calendar.events[0]?.SUMMARY).toBe('One, two; three\nfour');
  });
});
