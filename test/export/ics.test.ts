/**
 * iCalendar files, read back with ical.js (an independent parser): every event matches the
 * plan, UIDs are unique and survive re-planning, lines are CRLF and at most 75 octets.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ExportError, exportIcs, InputError, parseScenario, planSync, type ParsedPlan as Plan, type Scenario } from '../../src/index.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { fixturePlan, fixtureScenario, frozen } from './fixture.js';

const scenario = fixtureScenario();
const plan = fixturePlan(scenario);
const encoder = new TextEncoder();

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  startUtc: number;
  tzid: string;
  summary: string;
  description: string;
  location: string;
  visitId: string;
}

/** Parses one calendar with ical.js, registering its VTIMEZONE so instants are real. */
function parse(text: string): { name: string; events: ParsedEvent[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const description = e.description;
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      startUtc: e.startDate.toUnixTime(),
      tzid: String(c.getFirstProperty('dtstart')?.getParameter('tzid')),
      summary: e.summary,
      description,
      location: e.location,
      visitId: /(?:检查编号|Visit) (\S+)$/.exec(description)?.[1] ?? '',
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events, calendar };
}

/** Every physical line: CRLF-terminated, at most 75 octets, no split UTF-8 character. */
function expectWellFolded(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line.includes('\n') || line.includes('\r'), JSON.stringify(line)).toBe(false);
    expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
    expect(line.includes('\uFFFD')).toBe(false);
  }
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** The visits an officer's (or enterprise's) calendar must hold, by visit id. */
function expectedVisits(s: Scenario, p: Plan, kind: 'officer' | 'enterprise', id: string, includeUnannounced = false) {
  const exclusive = new Set(s.requests.filter((r) => r.exclusive).map((r) => r.id));
  return p.visits.filter((v) =>
    kind === 'officer' ? v.inspectorIds.includes(id) : v.enterpriseId === id && (includeUnannounced || !v.occurrenceIds.some((o) => exclusive.has(o.split('#')[0] as string))),
  );
}

function expectMatches(s: Scenario, p: Plan, kind: 'officer' | 'enterprise', id: string, text: string, includeUnannounced = false): void {
  const { events } = parse(text);
  const visits = expectedVisits(s, p, kind, id, includeUnannounced);
  expect(events.map((e) => e.visitId).sort()).toEqual(visits.map((v) => v.id).sort());
  for (const e of events) {
    const v = visits.find((x) => x.id === e.visitId) as Plan['visits'][number];
    expect(e.start.slice(0, 10)).toBe(v.date);
    expect(hhmm(e.start)).toBe(v.start);
    expect(e.tzid).toBe(s.timezone);
    if (v.end === '24:00') expect(hhmm(e.end)).toBe('00:00');
    else expect(`${e.end.slice(0, 10)} ${hhmm(e.end)}`).toBe(`${v.date} ${v.end}`);
  }
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
}

describe('exportIcs', () => {
  it('writes one calendar per officer with a visit, each event at its time in Asia/Shanghai', () => {
    const { files } = exportIcs(scenario, plan);
    const withVisits = scenario.inspectors.filter((p) => plan.visits.some((v) => v.inspectorIds.includes(p.id)));
    expect(files.map((f) => f.owner.id)).toEqual(withVisits.map((p) => p.id));
    for (const f of files) {
      expect(f.name).toBe(`officer-${f.owner.id}.ics`);
      expectWellFolded(f.text);
      expectMatches(scenario, plan, 'officer', f.owner.id, f.text);
    }
    const i1 = parse(files.find((f) => f.owner.id === 'I1')?.text ?? '');
    const joint = i1.events.find((e) => e.visitId === 'V1');
    // 09:00 in Beijing is 01:00 UTC: the VTIMEZONE carries the real offset.
    expect(joint?.startUtc).toBe(Date.UTC(2026, 2, 2, 1, 0) / 1000);
    expect(joint?.summary).toBe('联合检查：某某餐饮有限公司');
    expect(joint?.description).toContain('检查事项：食品经营检查、发票检查');
    expect(joint?.description).toContain('王芳（I3）、王芳（I4）');
  });

  it('has the headers RFC 5545 asks for, and no clock-dependent DTSTAMP', () => {
    const text = exportIcs(scenario, plan, { id: 'I1' }).files[0]?.text ?? '';
    for (const line of ['BEGIN:VCALENDAR', 'VERSION:2.0', 'METHOD:PUBLISH', 'BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'TZOFFSETTO:+0800', 'END:VCALENDAR']) expect(text).toContain(`\r\n${line}\r\n`.slice(line.startsWith('BEGIN:VCAL') ? 2 : 0));
    expect(text).toMatch(/\r\nPRODID:[^\r]+\r\n/);
    expect(text).toContain('\r\nDTSTART;TZID=Asia/Shanghai:20260302T090000\r\n');
    const stamps = [...text.matchAll(/\r\nDTSTAMP:(\S+)\r\n/g)].map((m) => m[1]);
    expect(new Set(stamps)).toEqual(new Set(['20260301T000000Z']));
    const given = exportIcs(scenario, plan, { id: 'I1', stamp: '2026-02-27T08:30:00Z' }).files[0]?.text ?? '';
    expect(given).toContain('\r\nDTSTAMP:20260227T083000Z\r\n');
  });

  it('gives equal files for equal input, and UIDs that survive moving and renumbering the visits', () => {
    const a = exportIcs(scenario, plan, { for: 'enterprise', includeUnannounced: true });
    expect(exportIcs(scenario, plan, { for: 'enterprise', includeUnannounced: true })).toEqual(a);
    const moved: Plan = {
      ...plan,
      visits: plan.visits.map((v, i) => ({ ...v, id: `X${plan.visits.length - i}`, date: v.date.replace('2026-03-0', '2026-03-1'), start: '10:00', end: '11:30' })),
    };
    const b = exportIcs(scenario, moved, { for: 'enterprise', includeUnannounced: true });
    const uids = (x: typeof a) => x.files.flatMap((f) => parse(f.text).events.map((e) => `${f.owner.id}:${e.uid}`)).sort();
    expect(uids(b)).toEqual(uids(a));
    expect(b.files[0]?.text).not.toEqual(a.files[0]?.text);
    // …and the same visit has the same UID in the officer's and the enterprise's calendar
    const officerUids = new Set(exportIcs(scenario, plan).files.flatMap((f) => parse(f.text).events.map((e) => e.uid)));
    for (const f of a.files) for (const e of parse(f.text).events) expect(officerUids.has(e.uid)).toBe(true);
  });

  it('keeps unannounced checks and officer names out of enterprise calendars unless asked', () => {
    const plain = exportIcs(scenario, plan, { for: 'enterprise' });
    expect(plain.files.map((f) => f.owner.id)).toEqual(['E1', 'E3']);
    for (const f of plain.files) {
      expectMatches(scenario, plan, 'enterprise', f.owner.id, f.text);
      for (const p of scenario.inspectors) expect(f.text).not.toContain(p.name);
    }
    const all = exportIcs(scenario, plan, { for: 'enterprise', includeUnannounced: true, withOfficers: true });
    expect(all.files.map((f) => f.owner.id)).toEqual(['E1', 'E2', 'E3']);
    const e2 = all.files.find((f) => f.owner.id === 'E2');
    expectMatches(scenario, plan, 'enterprise', 'E2', e2?.text ?? '', true);
    expect(e2?.text).toContain('CLASS:CONFIDENTIAL');
    expect(parse(e2?.text ?? '').events[0]?.description).toContain('赵磊');
  });

  it('escapes text so the parser reads back the exact names', () => {
    const { files } = exportIcs(scenario, plan, { for: 'enterprise', includeUnannounced: true });
    for (const f of files) {
      const enterprise = scenario.enterprises.find((x) => x.id === f.owner.id);
      for (const e of parse(f.text).events) expect(e.location).toBe(enterprise?.name);
    }
  });

  it('writes one calendar for a given id, even without visits; an unknown id is an ExportError', () => {
    const one = exportIcs(scenario, plan, { for: 'enterprise', id: 'E2' });
    expect(one.files).toHaveLength(1);
    expect(one.files[0]?.events).toBe(0);
    expect(() => parse(one.files[0]?.text ?? '')).not.toThrow();
    expect(() => exportIcs(scenario, plan, { id: 'NOBODY' })).toThrow(ExportError);
    try {
      exportIcs(scenario, plan, { for: 'team' as never, stamp: 'yesterday' });
      expect.unreachable();
    } catch (error) {
      expect((error as ExportError).issues.map((i) => i.path)).toEqual(['for', 'stamp']);
    }
  });

  it('refuses a time zone whose offset changes inside the plan, with a clear error', () => {
    const ny = parseScenario({ ...JSON.parse(JSON.stringify(scenario)), timezone: 'America/New_York' });
    try {
      exportIcs(ny, plan);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExportError);
      expect((error as ExportError).issues[0]?.code).toBe('unsupported_timezone');
    }
    const tokyo = parseScenario({ ...JSON.parse(JSON.stringify(scenario)), timezone: 'Asia/Tokyo' });
    const text = exportIcs(tokyo, plan, { id: 'I1' }).files[0]?.text ?? '';
    expect(parse(text).events.find((e) => e.visitId === 'V1')?.startUtc).toBe(Date.UTC(2026, 2, 2, 0, 0) / 1000);
  });

  it('folds long lines of multi-byte text without cutting a character', () => {
    const long = parseScenario({ ...JSON.parse(JSON.stringify(scenario)), enterprises: scenario.enterprises.map((x) => (x.id === 'E1' ? { ...x, name: '很长的企业名称😀'.repeat(30) } : x)) });
    const { files } = exportIcs(long, plan, { for: 'enterprise', id: 'E1' });
    expectWellFolded(files[0]?.text ?? '');
    expect(parse(files[0]?.text ?? '').events[0]?.location).toBe('很长的企业名称😀'.repeat(30));
  });

  it('does not mutate its inputs', () => {
    expect(() => exportIcs(frozen(scenario), frozen(plan), frozen({ for: 'enterprise' as const }))).not.toThrow();
  });

  it('law: arbitrary input gives files or an InputError, never another exception', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (s, p, o) => {
        for (const [a, b, c] of [[s, p, o], [scenario, p, {}], [scenario, plan, o]] as const) {
          try {
            exportIcs(a, b, c as never);
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("law: for planned scenarios, every officer's and enterprise's calendar holds exactly its visits, at their times", () => {
    fc.assert(
      fc.property(arbScenario({ requests: { min: 1, max: 8 }, enterprises: { min: 1, max: 3 }, horizonDays: { min: 5, max: 20 } }), (input) => {
        const s = parseScenario(input);
        const p = planSync(s, { locale: 'en' });
        let officerEvents = 0;
        for (const f of exportIcs(s, p).files) {
          expectWellFolded(f.text);
          expectMatches(s, p, 'officer', f.owner.id, f.text);
          officerEvents += f.events;
        }
        expect(officerEvents).toBe(p.visits.reduce((n, v) => n + v.inspectorIds.length, 0));
        const uids = new Set<string>();
        for (const f of exportIcs(s, p, { for: 'enterprise', includeUnannounced: true, locale: 'en' }).files) {
          expectWellFolded(f.text);
          expectMatches(s, p, 'enterprise', f.owner.id, f.text, true);
          for (const e of parse(f.text).events) uids.add(e.uid);
        }
        expect(uids.size).toBe(p.visits.length);
      }),
      { numRuns: 25 },
    );
  });
});
