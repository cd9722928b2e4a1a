/**
 * The plan as iCalendar files (RFC 5545): one calendar per officer (the visits it goes on)
 * or per enterprise (the visits it receives). Times carry the scenario's zone
 * (`DTSTART;TZID=Asia/Shanghai:20260312T090000`) with its VTIMEZONE; UIDs survive
 * re-planning (`uid.ts`); DTSTAMP never comes from the clock; lines are folded at 75 octets
 * and end with CRLF.
 */
import { parseDay, toMinutes } from '../calendar/civil.js';
import { PlanError, type InputIssue } from '../model/issues.js';
import { formatMessage, type Locale } from '../report/format.js';
import { exportIssue, ExportError } from './errors.js';
import { escapeText, foldLine, icsDate, icsLocalDateTime } from './ics-text.js';
import { isObject, localeOption, readExportInput, type ExportInput, type VisitView } from './input.js';
import { exportMessages } from './locales.js';
import { basisWord } from './terms.js';
import { vtimezone } from './timezone.js';
import { visitUids } from './uid.js';

/**
 * Whose calendars `exportIcs` writes: one per officer, or one per enterprise.
 * @example
 * const kind: IcsOwnerKind = 'officer';
 * const { files } = exportIcs(scenario, plan, { for: kind });
 */
export type IcsOwnerKind = 'officer' | 'enterprise';

/**
 * Options of `exportIcs`.
 * @example
 * const options: IcsExportOptions = { for: 'enterprise', id: 'E1' }; // only enterprise E1's calendar
 * const { files } = exportIcs(scenario, plan, options);
 */
export interface IcsExportOptions {
  /** One calendar per officer (default) or per enterprise. */
  for?: IcsOwnerKind;
  /** Only this officer's or enterprise's calendar (written even when it has no visit). */
  id?: string;
  /**
   * Enterprise calendars: keep visits with an `exclusive` (unannounced) occurrence. Default
   * `false` (an enterprise must not learn of an unannounced check). Officer calendars always
   * hold every visit of the officer.
   */
  includeUnannounced?: boolean;
  /** Enterprise calendars: name the officers in each event. Default `false` (personal data). Officer calendars always name the team. */
  withOfficers?: boolean;
  /**
   * DTSTAMP of every event, a UTC instant `YYYY-MM-DDTHH:MM:SSZ` (say, when the plan was
   * published). Default: midnight UTC of the horizon's first day, so equal input gives equal files.
   */
  stamp?: string;
  /** Mixed into every UID. Default: the horizon's first day. */
  uidNamespace?: string;
  /** Language of the event text. Default `zh-CN`. */
  locale?: Locale;
}

/**
 * The defaults of `IcsExportOptions`.
 * @example
 * exportIcs(scenario, plan, { ...defaultIcsExportOptions, for: 'enterprise' });
 */
export const defaultIcsExportOptions = {
  for: 'officer' as IcsOwnerKind,
  includeUnannounced: false,
  withOfficers: false,
  locale: 'zh-CN' as Locale,
};

/**
 * One iCalendar file of an `IcsExport`: whose it is, a file name, and the RFC 5545 text.
 * @example
 * for (const file of exportIcs(scenario, plan).files) writeFileSync(join('ics', file.name), file.text);
 */
export interface IcsFile {
  /** A safe file name: `officer-<id>.ics` / `enterprise-<id>.ics`, ids outside `[A-Za-z0-9.-]` written as `_XX` bytes. */
  name: string;
  owner: { kind: IcsOwnerKind; id: string; name: string };
  /** The calendar, CRLF line ends, folded. */
  text: string;
  /** Number of events in it. */
  events: number;
}

/**
 * What `exportIcs` returns: one file per officer (or enterprise) with visits.
 * @example
 * const result: IcsExport = exportIcs(scenario, plan, { for: 'officer' });
 * console.log(result.files.length, 'calendars');
 */
export interface IcsExport {
  files: IcsFile[];
}

const STAMP_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const PRODID = '-//joint-inspection//Joint inspection plan//ZH';

/** `_XX` for every UTF-8 byte outside `[A-Za-z0-9.-]`: distinct ids give distinct names. */
export function safeFileId(id: string): string {
  let out = '';
  for (const ch of id) {
    if (/^[A-Za-z0-9.-]$/.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface Settings {
  kind: IcsOwnerKind;
  id: string | undefined;
  includeUnannounced: boolean;
  withOfficers: boolean;
  stamp: string | undefined;
  namespace: string | undefined;
}

function readOptions(options: unknown, locale: Locale): Settings {
  const o = isObject(options) ? options : {};
  const issues: InputIssue[] = [];
  const en = locale === 'en';
  const kind = o.for === undefined ? 'officer' : o.for;
  if (kind !== 'officer' && kind !== 'enterprise') issues.push(exportIssue(['for'], 'invalid_value', en ? `"for" must be "officer" or "enterprise", got ${JSON.stringify(kind)}` : `“for”须为 "officer" 或 "enterprise"，实际为 ${JSON.stringify(kind)}`));
  if (o.id !== undefined && (typeof o.id !== 'string' || o.id === '')) issues.push(exportIssue(['id'], 'invalid_type', en ? '"id" must be a non-empty string' : '“id”须为非空字符串'));
  let stamp: string | undefined;
  if (o.stamp !== undefined) {
    const m = typeof o.stamp === 'string' ? STAMP_RE.exec(o.stamp) : null;
    if (!m || parseDay(m[1] as string) === undefined || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) {
      issues.push(exportIssue(['stamp'], 'invalid_stamp', en ? `"stamp" must be a UTC instant YYYY-MM-DDTHH:MM:SSZ, got ${JSON.stringify(o.stamp)}` : `“stamp”须为 UTC 时刻 YYYY-MM-DDTHH:MM:SSZ，实际为 ${JSON.stringify(o.stamp)}`));
    } else stamp = `${(m[1] as string).replace(/-/g, '')}T${m[2]}${m[3]}${m[4]}Z`;
  }
  if (o.uidNamespace !== undefined && typeof o.uidNamespace !== 'string') issues.push(exportIssue(['uidNamespace'], 'invalid_type', en ? '"uidNamespace" must be a string' : '“uidNamespace”须为字符串'));
  if (issues.length > 0) throw new ExportError(issues);
  return {
    kind: kind as IcsOwnerKind,
    id: o.id as string | undefined,
    includeUnannounced: o.includeUnannounced === true,
    withOfficers: o.withOfficers === true,
    stamp,
    namespace: o.uidNamespace as string | undefined,
  };
}

/**
 * iCalendar files of the plan: one per officer (or enterprise) with at least one visit, in
 * the scenario's order, or only the one named by `id`. Throws `ScenarioError` / `PlanError`
 * for bad input and `ExportError` for bad options, an unknown `id` or a time zone whose
 * offset changes inside the plan's dates. Never mutates its arguments.
 * @example
 * const { files } = exportIcs(scenario, plan);                        // one calendar per officer
 * for (const f of files) writeFileSync(join('calendars', f.name), f.text);
 * exportIcs(scenario, plan, { for: 'enterprise', id: 'E1' }).files[0]?.text;
 */
export function exportIcs(scenario: unknown, plan: unknown, options: IcsExportOptions = {}): IcsExport {
  const locale = localeOption(options);
  const settings = readOptions(options, locale);
  const input = readExportInput(scenario, plan, locale);
  const { scenario: s } = input;

  const owners = settings.kind === 'officer' ? s.inspectors : s.enterprises;
  if (settings.id !== undefined && !owners.some((x) => x.id === settings.id)) {
    const message = locale === 'en' ? `the scenario has no ${settings.kind} "${settings.id}"` : `场景中没有编号为“${settings.id}”的${settings.kind === 'officer' ? '执法人员' : '企业'}`;
    throw new ExportError([exportIssue(['id'], 'unknown_id', message, { kind: settings.kind, id: settings.id })]);
  }

  const horizonFrom = parseDay(s.horizon.from) as number;
  const horizonTo = parseDay(s.horizon.to) as number;
  let from = horizonFrom;
  let to = horizonTo;
  const reversed: InputIssue[] = [];
  for (const v of input.visits) {
    from = Math.min(from, v.day);
    to = Math.max(to, v.day + 1); // an end at 24:00 is the next day
    if (toMinutes(v.visit.end) <= toMinutes(v.visit.start)) {
      const message = locale === 'en' ? `visit ${v.visit.id} ends (${v.visit.end}) before it starts (${v.visit.start})` : `检查组 ${v.visit.id} 的结束时间 ${v.visit.end} 不晚于开始时间 ${v.visit.start}`;
      reversed.push(exportIssue(['visits', v.index, 'end'], 'reversed_times', message, { visitId: v.visit.id }));
    }
  }
  if (reversed.length > 0) throw new PlanError(reversed.sort((a, b) => (a.segments[1] as number) - (b.segments[1] as number)));
  const zoneLines = vtimezone(s.timezone, from, to, locale);
  const stamp = settings.stamp ?? `${icsDate(horizonFrom)}T000000Z`;
  const uids = visitUids(input.visits, settings.namespace ?? s.horizon.from);

  const byOwner = new Map<string, VisitView[]>();
  for (const v of input.visits) {
    if (settings.kind === 'officer') for (const p of v.visit.inspectorIds) push(byOwner, p, v);
    else if (settings.includeUnannounced || !v.unannounced) push(byOwner, v.visit.enterpriseId, v);
  }
  const chosen = owners.filter((x) => (settings.id !== undefined ? x.id === settings.id : byOwner.has(x.id)));
  const files = chosen.map((owner): IcsFile => {
    const visits = byOwner.get(owner.id) ?? [];
    const label = input.label(settings.kind === 'officer' ? 'inspector' : 'enterprise', owner.id);
    const calName = formatMessage(exportMessages, locale, settings.kind === 'officer' ? 'ics.calendarOfficer' : 'ics.calendarEnterprise', { name: label });
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${PRODID}`,
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      `NAME:${escapeText(calName)}`,
      `X-WR-CALNAME:${escapeText(calName)}`,
      `X-WR-TIMEZONE:${s.timezone}`,
      ...zoneLines,
      ...visits.flatMap((v) => eventLines(input, v, { uid: uids.get(v.visit.id) as string, stamp, team: settings.kind === 'officer' || settings.withOfficers })),
      'END:VCALENDAR',
    ];
    return {
      name: `${settings.kind}-${safeFileId(owner.id)}.ics`,
      owner: { kind: settings.kind, id: owner.id, name: owner.name },
      text: lines.map((l) => foldLine(l) + '\r\n').join(''),
      events: visits.length,
    };
  });
  return { files };
}

function push(map: Map<string, VisitView[]>, key: string, v: VisitView): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

function eventLines(input: ExportInput, v: VisitView, o: { uid: string; stamp: string; team: boolean }): string[] {
  const { locale } = input;
  const t = (key: string, d: Record<string, unknown> = {}) => formatMessage(exportMessages, locale, key, d);
  const sep = t('list');
  const enterprise = input.label('enterprise', v.enterprise.id);
  const description = [
    ...(v.unannounced ? [t('ics.unannounced')] : []),
    t('ics.lead', { name: input.label('department', v.lead.id) }),
    t('ics.departments', { names: v.departments.map((d) => input.label('department', d.id)).join(sep) }),
    t('ics.items', { names: v.items.map((i) => i.name).join(sep) }),
    t('ics.basis', { names: v.bases.map((b) => basisWord(b, locale)).join(sep) }),
    ...(o.team ? [t('ics.team', { names: v.officers.map((p) => input.label('inspector', p.id)).join(sep) })] : []),
    t('ics.visit', { id: v.visit.id }),
  ].join('\n');
  const tz = input.scenario.timezone;
  const loc = v.enterprise.location;
  return [
    'BEGIN:VEVENT',
    `UID:${o.uid}`,
    `DTSTAMP:${o.stamp}`,
    `DTSTART;TZID=${tz}:${icsLocalDateTime(v.day, toMinutes(v.visit.start))}`,
    `DTEND;TZID=${tz}:${icsLocalDateTime(v.day, toMinutes(v.visit.end))}`,
    `SUMMARY:${escapeText(t(v.departments.length > 1 ? 'ics.summary' : 'ics.summarySingle', { enterprise }))}`,
    `LOCATION:${escapeText(enterprise)}`,
    ...(loc ? [`GEO:${loc.lat.toFixed(6)};${loc.lng.toFixed(6)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `CLASS:${v.unannounced ? 'CONFIDENTIAL' : 'PUBLIC'}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}
