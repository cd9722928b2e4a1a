/**
 * The VTIMEZONE of the scenario's zone. Only zones whose UTC offset does not change over the
 * dates written are supported (Asia/Shanghai has kept +08:00 with no daylight saving since
 * 1991; also UTC, Asia/Tokyo, Asia/Kolkata …): their VTIMEZONE is one STANDARD rule and is
 * exact. A zone that changes its offset in that span is refused with a clear error rather
 * than written with a guessed rule. The offset comes from the runtime's time-zone data (Intl).
 */
import { dayToUtcDate } from '../calendar/civil.js';
import { exportIssue, ExportError } from './errors.js';
import { icsLocalDateTime } from './ics-text.js';

/** UTC offset of `zone` at a UTC instant, in seconds east of Greenwich. */
export function utcOffsetSeconds(zone: string, instantMs: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instantMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(part ?? '');
  if (!m) throw new RangeError(`cannot read the UTC offset of ${zone}: ${String(part)}`);
  if (m[1] === undefined) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -seconds : seconds;
}

/** `+0800`, `-0330`, `+054500` (seconds only when there are any). */
export function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const s = Math.abs(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hhmm = `${pad(Math.floor(s / 3600))}${pad(Math.floor((s % 3600) / 60))}`;
  return `${sign}${hhmm}${s % 60 ? pad(s % 60) : ''}`;
}

/**
 * The VTIMEZONE lines for `zone`, valid for every local time from day `from` to day `to`.
 * Throws an `ExportError` (`unsupported_timezone`) when the offset changes in that span.
 */
export function vtimezone(zone: string, from: number, to: number, locale: 'en' | 'zh-CN'): string[] {
  // Noon UTC of each day from the day before to the day after: every local date in between is covered.
  const offset = utcOffsetSeconds(zone, dayToUtcDate(from - 1).getTime() + 43_200_000);
  for (let day = from; day <= to + 1; day++) {
    const other = utcOffsetSeconds(zone, dayToUtcDate(day).getTime() + 43_200_000);
    if (other !== offset) {
      const message =
        locale === 'en'
          ? `time zone ${zone} changes its UTC offset (${formatOffset(offset)} → ${formatOffset(other)}) inside the dates exported; only zones with a fixed offset (such as Asia/Shanghai) are supported`
          : `时区 ${zone} 在导出的日期范围内变更了 UTC 偏移（${formatOffset(offset)} → ${formatOffset(other)}）；仅支持固定偏移的时区（如 Asia/Shanghai）`;
      throw new ExportError([exportIssue(['timezone'], 'unsupported_timezone', message, { timezone: zone, from: formatOffset(offset), to: formatOffset(other) })]);
    }
  }
  const text = formatOffset(offset);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    `DTSTART:${icsLocalDateTime(from - 1, 0)}`,
    `TZOFFSETFROM:${text}`,
    `TZOFFSETTO:${text}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}
