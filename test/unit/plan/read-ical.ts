/** One VEVENT's properties by name (parameters dropped), values unescaped. */
export type CalendarEntry = Readonly<Record<string, string>>;

export interface ReadCalendar {
  readonly properties: Readonly<Record<string, string>>;
  readonly events: readonly CalendarEntry[];
}

const unescape = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/**
 * A small RFC 5545 reader for tests: CRLF lines of at most 75 octets, unfolded (a line starting with a
 * space goes on the one before), BEGIN/END nesting checked, each VEVENT's properties by name. It throws
 * on what a calendar would refuse, so "it parses" means something.
 */
export const readICalendar = (text: string): ReadCalendar => {
  if (!text.startsWith('BEGIN:VCALENDAR\r\n') || !text.endsWith('END:VCALENDAR\r\n'))
    throw new Error('Not one VCALENDAR ending with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (line.includes('\n') || line.includes('\r')) throw new Error('A bare CR or LF inside a line');
    if (Buffer.byteLength(line) > 75) throw new Error(`A line longer than 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: string[] = [];
  const properties: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    const match = /^([A-Za-z0-9-]+)(?:;[^:]*)?:(.*)$/.exec(line);
    if (!match) throw new Error(`Not a content line: ${line}`);
    const name = match[1]!;
    const value = match[2]!;
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = {};
    } else if (name === 'END') {
      if (stack.pop() !== value) throw new Error(`END:${value} closes something else`);
      if (value === 'VEVENT' && current) {
        events.push(current);
        current = undefined;
      }
    } else if (current && stack.at(-1) === 'VEVENT') current[name] = unescape(value);
    else if (stack.at(-1) === 'VCALENDAR') properties[name] = unescape(value);
  }
  if (stack.length > 0) throw new Error(`Not closed: ${stack.join(', ')}`);
  return { properties, events };
};
