/**
 * C0 and C1 control characters (CR, LF, TAB, NUL, NEL...) and the Unicode line and paragraph separators:
 * anything that could end a header line or an iCalendar content line, or break a text layout.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * User text made safe for a single line: every control character becomes a space, runs of spaces collapse
 * and the ends are trimmed. A name like "Eve\r\nBcc: x@example.com" becomes "Eve Bcc: x@example.com", which
 * is only ever a display name, never a header of its own.
 */
export const singleLine = (value: string): string =>
  value.replace(CONTROL_OR_LINE_BREAK, ' ').replace(/ {2,}/g, ' ').trim();
