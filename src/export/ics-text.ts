/** RFC 5545 text: value escaping (§3.3.11), line folding at 75 octets (§3.1), local date-times. */
import { dayParts } from '../calendar/civil.js';

/** Escapes a TEXT value: `\` `;` `,` and line breaks; other control characters become spaces. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
}

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

/**
 * Folds one content line so that no physical line exceeds 75 octets (the CRLF aside): a
 * continuation starts with one space, which counts. Splits only between code points, so a
 * multi-byte UTF-8 character is never cut.
 */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > limit) {
      parts.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYYMMDD` of a day number. */
export function icsDate(day: number): string {
  const { year, month, day: d } = dayParts(day);
  return `${String(year).padStart(4, '0')}${two(month)}${two(d)}`;
}

/** `YYYYMMDDTHHMMSS` (local time) of a day number and minutes since midnight; 24:00 is the next day's 00:00. */
export function icsLocalDateTime(day: number, minutes: number): string {
  const extra = Math.floor(minutes / 1440);
  const m = minutes - extra * 1440;
  return `${icsDate(day + extra)}T${two(Math.floor(m / 60))}${two(m % 60)}00`;
}
