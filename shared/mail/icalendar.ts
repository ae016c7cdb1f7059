import { singleLine } from './single-line';

/**
 * A small RFC 5545 writer for the two calendars Convene makes (a booking's invite, the comms plan's feed):
 * CRLF content lines folded at 75 octets, TEXT values escaped, instants in UTC. Written here rather than
 * taken from a library: the one Convene used brought a schema validator with it, 65 KB of every bundle
 * that sends or serves a calendar (issue 15), for what fits on this page.
 */

/** A property parameter (`CN="Ada Lovelace"`): quoted, since a name may hold `,`, `;` or `:`. */
export type CalendarParams = Readonly<Record<string, string | boolean>>;

/** One content line before folding: its name, parameters and value as written (already escaped). */
export interface ContentLine {
  readonly name: string;
  readonly params?: CalendarParams;
  readonly value: string;
}

/** TEXT as RFC 5545 §3.3.11 escapes it: backslash, `;`, `,` and line breaks (as `\n`). */
export const calendarText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\n|\r/g, '\\n');

/** DATE-TIME in UTC (`20270401T080000Z`): no VTIMEZONE to get wrong. */
export const calendarUtc = (at: Date): string =>
  at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/**
 * A parameter value: quoted (RFC 5545 allows any character but `"` and controls inside quotes, and no
 * escape), so quotes become apostrophes and controls spaces; booleans are TRUE/FALSE.
 */
const paramValue = (value: string | boolean): string =>
  typeof value === 'boolean' ? String(value).toUpperCase() : `"${singleLine(value).replaceAll('"', "'")}"`;

/**
 * One content line folded at 75 octets (§3.1): each continuation starts with a space, and a UTF-8
 * character is never split between lines.
 */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

const written = ({ name, params = {}, value }: ContentLine): string =>
  foldLine(
    `${name}${Object.entries(params)
      .map(([key, v]) => `;${key}=${paramValue(v)}`)
      .join('')}:${value}`,
  );

export interface CalendarInput {
  readonly productId: string;
  readonly method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** X-WR-CALNAME, the name a subscribed calendar shows. */
  readonly name?: string;
  /** Each VEVENT's lines, in order. */
  readonly events: readonly (readonly ContentLine[])[];
}

/** The VCALENDAR text, CRLF after every line. */
export const writeCalendar = (input: CalendarInput): string => {
  const lines: ContentLine[] = [
    { name: 'BEGIN', value: 'VCALENDAR' },
    { name: 'VERSION', value: '2.0' },
    { name: 'CALSCALE', value: 'GREGORIAN' },
    { name: 'PRODID', value: calendarText(input.productId) },
    { name: 'METHOD', value: input.method },
    ...(input.name === undefined ? [] : [{ name: 'X-WR-CALNAME', value: calendarText(input.name) }]),
    // How often a subscribed calendar should look again.
    { name: 'X-PUBLISHED-TTL', value: 'PT1H' },
    ...input.events.flatMap((event) => [
      { name: 'BEGIN', value: 'VEVENT' },
      ...event,
      { name: 'END', value: 'VEVENT' },
    ]),
    { name: 'END', value: 'VCALENDAR' },
  ];
  return lines.map((line) => `${written(line)}\r\n`).join('');
};
