import { describe, it, expect } from 'vitest';
import { RRule } from 'rrule';
import { generateScenario, tierSizes, type ScenarioJson } from '../bench/generator/index.js';

// ---- independent helpers (deliberately not the generator's own) -----------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BASES = new Set([
  'routine',
  'random',
  'special',
  'complaint',
  'referral',
  'data-clue',
  'enterprise-request',
  'licensing',
  'recheck',
  'emergency',
]);
const PLANNED = new Set(['routine', 'random', 'special']);

function isRealDate(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function utc(text: string): Date {
  const m = DATE_RE.exec(text)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Contract §4, 2026 days off, expanded. */
const OFF_2026 = new Set<string>();
for (const [from, to] of [
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
] as const) {
  for (let t = utc(from).getTime(); t <= utc(to).getTime(); t += 86_400_000) {
    OFF_2026.add(new Date(t).toISOString().slice(0, 10));
  }
}

/** Recurrence dates inside [from, to], via the rrule package with UTC dates. */
function expand(rule: string, from: string, to: string): Date[] {
  const options = RRule.parseString(rule.replace(/^RRULE:/, ''));
  return new RRule({ ...options, dtstart: utc(from) }).between(utc(from), utc(to), true);
}

function countOccurrences(s: ScenarioJson): number {
  let n = 0;
  for (const r of s.requests) n += r.recurrence ? expand(r.recurrence, r.window.from, r.window.to).length : 1;
  return n;
}

/** Every contract rule the generator is responsible for; returns the problems found. */
function contractProblems(s: ScenarioJson): string[] {
  const problems: string[] = [];
  const bad = (msg: string): void => {
    if (problems.length < 50) problems.push(msg);
  };
  const checkDate = (path: string, d: unknown): void => {
    if (!isRealDate(d)) bad(`${path}: not a real date: ${String(d)}`);
  };
  const checkRange = (path: string, r: { from: string; to: string } | undefined): void => {
    if (!r) return bad(`${path}: missing`);
    checkDate(`${path}.from`, r.from);
    checkDate(`${path}.to`, r.to);
    if (!(r.from <= r.to)) bad(`${path}: from > to`);
  };
  const unique = (path: string, ids: string[]): Set<string> => {
    const set = new Set<string>();
    for (const id of ids) {
      if (typeof id !== 'string' || id.length === 0) bad(`${path}: empty id`);
      if (set.has(id)) bad(`${path}: duplicate id ${id}`);
      set.add(id);
    }
    return set;
  };
  const checkRule = (path: string, rule: string | undefined): void => {
    if (rule === undefined) return;
    try {
      const o = RRule.parseString(rule.replace(/^RRULE:/, ''));
      if (o.freq === undefined) bad(`${path}: no FREQ in ${rule}`);
    } catch {
      bad(`${path}: unparsable RRULE ${rule}`);
    }
  };

  if (s.version !== 1) bad('version');
  checkRange('horizon', s.horizon);
  const cal = s.calendar ?? {};
  for (const [i, d] of (cal.holidays ?? []).entries()) checkDate(`calendar.holidays[${i}]`, d);
  for (const [i, d] of (cal.extraWorkdays ?? []).entries()) checkDate(`calendar.extraWorkdays[${i}]`, d);
  const holidays = new Set(cal.holidays ?? []);
  for (const d of cal.extraWorkdays ?? []) if (holidays.has(d)) bad(`calendar: ${d} both holiday and extra workday`);
  for (const t of [cal.dayStart, cal.dayEnd]) if (t !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(t)) bad(`time ${t}`);
  unique('calendar.quietPeriods', (cal.quietPeriods ?? []).map((q) => q.id));
  for (const q of cal.quietPeriods ?? []) {
    checkRule(`quietPeriod ${q.id}`, q.rule);
    for (const b of q.exemptBases ?? []) if (!BASES.has(b)) bad(`quietPeriod ${q.id}: basis ${b}`);
  }

  const deptIds = unique('departments', s.departments.map((d) => d.id));
  const itemIds = unique('items', s.items.map((i) => i.id));
  const entIds = unique('enterprises', s.enterprises.map((e) => e.id));
  unique('inspectors', s.inspectors.map((i) => i.id));
  unique('requests', s.requests.map((r) => r.id));
  unique('caps', (s.caps ?? []).map((c) => c.id));

  const itemDept = new Map(s.items.map((i) => [i.id, i]));
  for (const it of s.items) {
    if (!deptIds.has(it.departmentId)) bad(`item ${it.id}: unknown department`);
    const dur = it.durationMinutes ?? 60;
    if (!Number.isInteger(dur) || dur < 30 || dur > 120) bad(`item ${it.id}: duration ${dur}`);
  }
  const entById = new Map(s.enterprises.map((e) => [e.id, e]));
  const areas = new Set(s.enterprises.map((e) => e.area));
  for (const q of cal.quietPeriods ?? []) for (const a of q.areas ?? []) if (!areas.has(a)) bad(`quiet area ${a} unused`);
  for (const d of s.departments) for (const a of d.areas ?? []) if (!areas.has(a)) bad(`department ${d.id}: area ${a} unused`);
  for (const e of s.enterprises) {
    if (e.leadDepartmentId !== undefined && !deptIds.has(e.leadDepartmentId)) bad(`enterprise ${e.id}: lead`);
    if (e.riskGrade !== undefined && !['A', 'B', 'C', 'D'].includes(e.riskGrade)) bad(`enterprise ${e.id}: grade`);
    if (e.location && !(Math.abs(e.location.lat - 35.3) < 1 && Math.abs(e.location.lng - 113.9) < 1.5)) bad(`enterprise ${e.id}: location`);
    for (const [k, r] of (e.unavailable ?? []).entries()) checkRange(`enterprise ${e.id}.unavailable[${k}]`, r);
    checkRule(`enterprise ${e.id}.unavailableRule`, e.unavailableRule);
    if (e.maxVisitMinutes !== undefined && !(Number.isInteger(e.maxVisitMinutes) && e.maxVisitMinutes > 0)) bad(`enterprise ${e.id}: maxVisitMinutes`);
  }
  const deptAreas = new Map(s.departments.map((d) => [d.id, d.areas]));
  for (const i of s.inspectors) {
    if (!deptIds.has(i.departmentId)) bad(`inspector ${i.id}: unknown department`);
    checkRange(`inspector ${i.id}.certificate`, i.certificate ? { from: i.certificate.validFrom, to: i.certificate.validTo } : undefined);
    for (const [k, r] of (i.unavailable ?? []).entries()) checkRange(`inspector ${i.id}.unavailable[${k}]`, r);
    checkRule(`inspector ${i.id}.unavailableRule`, i.unavailableRule);
    for (const e of i.avoid ?? []) if (!entIds.has(e)) bad(`inspector ${i.id}: avoid ${e}`);
    const da = deptAreas.get(i.departmentId);
    for (const a of i.areas ?? []) if (!areas.has(a) || (da && !da.includes(a))) bad(`inspector ${i.id}: area ${a}`);
    if (i.maxVisitsPerDay !== undefined && !(Number.isInteger(i.maxVisitsPerDay) && i.maxVisitsPerDay >= 1)) bad(`inspector ${i.id}: maxVisitsPerDay`);
  }
  for (const r of s.requests) {
    const p = `request ${r.id}`;
    if (!deptIds.has(r.departmentId)) bad(`${p}: unknown department`);
    const ent = entById.get(r.enterpriseId);
    if (!ent) bad(`${p}: unknown enterprise`);
    if (!Array.isArray(r.itemIds) || r.itemIds.length === 0) bad(`${p}: no items`);
    if (new Set(r.itemIds).size !== r.itemIds.length) bad(`${p}: repeated item`);
    let minutes = 0;
    for (const id of r.itemIds) {
      const it = itemDept.get(id);
      if (!itemIds.has(id) || !it) bad(`${p}: unknown item ${id}`);
      else if (it.departmentId !== r.departmentId) bad(`${p}: item ${id} of ${it.departmentId}`);
      else minutes += it.durationMinutes ?? 60;
    }
    if (ent?.maxVisitMinutes !== undefined && minutes > ent.maxVisitMinutes) bad(`${p}: ${minutes} min > enterprise max`);
    const da = deptAreas.get(r.departmentId);
    if (da && ent?.area !== undefined && !da.includes(ent.area)) bad(`${p}: enterprise outside department's areas`);
    checkRange(`${p}.window`, r.window);
    if (r.window.from < s.horizon.from || r.window.to > s.horizon.to) bad(`${p}: window outside horizon`);
    if (r.basis !== undefined && !BASES.has(r.basis)) bad(`${p}: basis ${r.basis}`);
    if (r.priority !== undefined && !(Number.isInteger(r.priority) && r.priority >= 1)) bad(`${p}: priority`);
    if (r.inspectors !== undefined && !(Number.isInteger(r.inspectors) && r.inspectors >= 1)) bad(`${p}: inspectors`);
    if (r.fixedDate !== undefined) {
      checkDate(`${p}.fixedDate`, r.fixedDate);
      if (r.fixedDate < r.window.from || r.fixedDate > r.window.to) bad(`${p}: fixedDate outside window`);
      const wd = utc(r.fixedDate).getUTCDay();
      if (wd === 0 || wd === 6 || OFF_2026.has(r.fixedDate)) bad(`${p}: fixedDate ${r.fixedDate} not an ordinary working day`);
    }
    for (const d of r.preferredDates ?? []) {
      checkDate(`${p}.preferredDates`, d);
      if (d < r.window.from || d > r.window.to) bad(`${p}: preferred date outside window`);
    }
    if (r.recurrence !== undefined) {
      checkRule(`${p}.recurrence`, r.recurrence);
      const dates = expand(r.recurrence, r.window.from, r.window.to);
      if (dates.length === 0) bad(`${p}: recurrence yields no date in its window`);
      // the first occurrence opens on window.from, so the whole window is covered
      else if (dates[0]!.getTime() !== utc(r.window.from).getTime()) bad(`${p}: first recurrence is not window.from`);
    }
  }
  for (const c of s.caps ?? []) {
    for (const d of c.departmentIds ?? []) if (!deptIds.has(d)) bad(`cap ${c.id}: department ${d}`);
    if (!['enterprise', 'enterprise-department'].includes(c.per)) bad(`cap ${c.id}: per`);
    const okPeriod =
      typeof c.period === 'string'
        ? ['year', 'half-year', 'quarter', 'month'].includes(c.period)
        : Number.isInteger(c.period.rollingDays) && c.period.rollingDays >= 1;
    if (!okPeriod) bad(`cap ${c.id}: period`);
    for (const b of c.countsBases ?? []) if (!BASES.has(b)) bad(`cap ${c.id}: basis ${b}`);
  }
  for (const [k, h] of (s.history ?? []).entries()) {
    if (!entIds.has(h.enterpriseId)) bad(`history[${k}]: enterprise`);
    checkDate(`history[${k}].date`, h.date);
    if (h.date > s.horizon.to) bad(`history[${k}]: in the future`);
    if (h.departmentIds.length === 0) bad(`history[${k}]: no departments`);
    for (const d of h.departmentIds) if (!deptIds.has(d)) bad(`history[${k}]: department ${d}`);
    if (h.basis !== undefined && !BASES.has(h.basis)) bad(`history[${k}]: basis`);
  }
  return problems;
}

// ---- tests ------------------------------------------------------------------------------

describe('scenario generator', () => {
  it('is deterministic: same options give identical JSON', () => {
    expect(JSON.stringify(generateScenario({ tier: 'S', seed: 7 }))).toBe(JSON.stringify(generateScenario({ tier: 'S', seed: 7 })));
    expect(JSON.stringify(generateScenario({ tier: 'S', seed: 7, ampleStaff: true }))).toBe(
      JSON.stringify(generateScenario({ tier: 'S', seed: 7, ampleStaff: true })),
    );
  });

  it('gives different scenarios for different seeds', () => {
    const a = generateScenario({ tier: 'S', seed: 1 });
    const b = generateScenario({ tier: 'S', seed: 2 });
    expect(JSON.stringify(a.requests)).not.toBe(JSON.stringify(b.requests));
    expect(JSON.stringify(a.enterprises)).not.toBe(JSON.stringify(b.enterprises));
    expect(a.policy?.seed).toBe(1);
    expect(b.policy?.seed).toBe(2);
  });

  it('S tier satisfies the contract and hits the occurrence target', () => {
    for (const seed of [0, 1, 2]) {
      const s = JSON.parse(JSON.stringify(generateScenario({ tier: 'S', seed }))) as ScenarioJson;
      expect(contractProblems(s)).toEqual([]);
      const target = tierSizes.S.targetOccurrences;
      const n = countOccurrences(s);
      expect(n).toBeGreaterThanOrEqual(target * 0.75);
      expect(n).toBeLessThanOrEqual(target * 1.25);
      expect(s.requests.some((r) => r.recurrence !== undefined)).toBe(true);
    }
  });

  it('S tier with ample staff satisfies the contract and changes only the staff', () => {
    const normal = generateScenario({ tier: 'S', seed: 3 });
    const ample = generateScenario({ tier: 'S', seed: 3, ampleStaff: true });
    expect(contractProblems(ample)).toEqual([]);
    expect(JSON.stringify(ample.requests)).toBe(JSON.stringify(normal.requests));
    expect(JSON.stringify(ample.enterprises)).toBe(JSON.stringify(normal.enterprises));
    expect(JSON.stringify(ample.history)).toBe(JSON.stringify(normal.history));
    expect(ample.inspectors.length).toBeGreaterThanOrEqual(2 * normal.inspectors.length);
    const h = ample.horizon;
    for (const i of ample.inspectors) {
      expect(i.certificate.validFrom <= h.from && i.certificate.validTo >= h.to).toBe(true);
      expect(i.unavailable).toBeUndefined();
      expect(i.unavailableRule).toBeUndefined();
      expect(i.areas).toBeUndefined();
      expect(i.avoid).toBeUndefined();
    }
    expect(ample.departments.every((d) => d.areas === undefined)).toBe(true);
  });

  it('normal staff: pairs of officers with two field days a week, sized to the load on those days', () => {
    const s = generateScenario({ tier: 'M', seed: 1 });
    const itemById = new Map(s.items.map((i) => [i.id, i]));
    // ordinary working days of 2026: weekdays that are not days off
    let workdays = 0;
    for (let t = utc('2026-01-01').getTime(); t <= utc('2026-12-31').getTime(); t += 86_400_000) {
      const day = new Date(t);
      if (day.getUTCDay() >= 1 && day.getUTCDay() <= 5 && !OFF_2026.has(day.toISOString().slice(0, 10))) workdays++;
    }
    // each department's on-site load for the year, in person-minutes and person-visits
    const load = new Map<string, { minutes: number; visits: number }>();
    for (const r of s.requests) {
      const items = r.itemIds.map((id) => itemById.get(id)!);
      if (items.every((i) => i.offsite) && !r.onsite) continue;
      const n = r.recurrence ? expand(r.recurrence, r.window.from, r.window.to).length : 1;
      const team = r.inspectors ?? 2;
      const x = load.get(r.departmentId) ?? { minutes: 0, visits: 0 };
      x.minutes += items.reduce((sum, i) => sum + (i.durationMinutes ?? 60), 0) * team * n;
      x.visits += team * n;
      load.set(r.departmentId, x);
    }
    for (const d of s.departments) {
      const officers = s.inspectors.filter((i) => i.departmentId === d.id);
      for (const [k, o] of officers.entries()) {
        // three distinct office days, the same for the two officers of a pair
        const m = /^FREQ=WEEKLY;BYDAY=([A-Z]{2}),([A-Z]{2}),([A-Z]{2})$/.exec(o.unavailableRule ?? '');
        expect(m, `${o.id}: ${o.unavailableRule}`).not.toBeNull();
        const office = new Set(m!.slice(1));
        expect(office.size).toBe(3);
        for (const w of office) expect(['MO', 'TU', 'WE', 'TH', 'FR']).toContain(w);
        if (k % 2 === 1) expect(o.unavailableRule).toBe(officers[k - 1]!.unavailableRule);
      }
      // officer-days the load needs (3 visits or 360 on-site minutes a day) against the field days
      const x = load.get(d.id)!;
      const use = Math.max(x.minutes / 360, x.visits / 3) / (officers.length * workdays * 0.4);
      expect(use, d.id).toBeLessThanOrEqual(1);
      if (officers.length > 4) expect(use, d.id).toBeGreaterThan(0.65);
    }
  });

  it('demo tier: a district year with 12 departments and ~6,000 requests', () => {
    const s = generateScenario({ tier: 'demo', seed: 1 });
    expect(contractProblems(s)).toEqual([]);
    expect(s.departments).toHaveLength(12);
    expect(s.enterprises.length).toBeGreaterThanOrEqual(1800);
    expect(s.enterprises.length).toBeLessThanOrEqual(2200);
    expect(s.requests.length).toBeGreaterThanOrEqual(5000);
    expect(s.requests.length).toBeLessThanOrEqual(7000);
    const n = countOccurrences(s);
    expect(Math.abs(n - tierSizes.demo.targetOccurrences)).toBeLessThanOrEqual(tierSizes.demo.targetOccurrences * 0.25);

    // every department has 3–8 items
    for (const d of s.departments) {
      const k = s.items.filter((i) => i.departmentId === d.id).length;
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThanOrEqual(8);
    }
    // realism: shares within loose bounds
    const share = (k: number, of: number): number => k / of;
    const grades = { A: 0, B: 0, C: 0, D: 0 } as Record<string, number>;
    for (const e of s.enterprises) grades[e.riskGrade!]!++;
    expect(share(grades.A!, s.enterprises.length)).toBeGreaterThan(0.08);
    expect(share(grades.B!, s.enterprises.length)).toBeGreaterThan(0.35);
    expect(share(grades.D!, s.enterprises.length)).toBeLessThan(0.2);
    const wl = s.enterprises.filter((e) => e.whitelisted).length;
    expect(share(wl, s.enterprises.length)).toBeGreaterThan(0.005);
    expect(share(wl, s.enterprises.length)).toBeLessThan(0.04);
    const triggered = s.requests.filter((r) => r.basis !== undefined && !PLANNED.has(r.basis)).length;
    expect(share(triggered, s.requests.length)).toBeGreaterThan(0.05);
    expect(share(triggered, s.requests.length)).toBeLessThan(0.15);
    const recurring = s.requests.filter((r) => r.recurrence).length;
    expect(share(recurring, s.requests.length)).toBeGreaterThan(0.03);
    expect(share(recurring, s.requests.length)).toBeLessThan(0.08);
    const exclusive = s.requests.filter((r) => r.exclusive).length;
    expect(share(exclusive, s.requests.length)).toBeGreaterThan(0.005);
    expect(share(exclusive, s.requests.length)).toBeLessThan(0.04);
    expect(s.requests.some((r) => r.fixedDate)).toBe(true);

    // merging is possible: many enterprises have requests of ≥ 2 departments with overlapping windows
    const byEnt = new Map<string, typeof s.requests>();
    for (const r of s.requests) {
      const list = byEnt.get(r.enterpriseId) ?? [];
      list.push(r);
      byEnt.set(r.enterpriseId, list);
    }
    let mergeable = 0;
    for (const list of byEnt.values()) {
      const ok = list.some((a) =>
        list.some((b) => a.departmentId !== b.departmentId && a.window.from <= b.window.to && b.window.from <= a.window.to),
      );
      if (ok) mergeable++;
    }
    expect(share(mergeable, byEnt.size)).toBeGreaterThan(0.4);

    // staffing: every department has officers, every qualification its requests need has ≥ 2 holders
    const itemById = new Map(s.items.map((i) => [i.id, i]));
    for (const d of s.departments) {
      const officers = s.inspectors.filter((i) => i.departmentId === d.id);
      expect(officers.length).toBeGreaterThanOrEqual(4);
      const needed = new Set<string>();
      for (const r of s.requests) {
        if (r.departmentId !== d.id) continue;
        for (const id of r.itemIds) for (const q of itemById.get(id)!.qualifications ?? []) needed.add(q);
      }
      for (const q of needed) expect(officers.filter((o) => o.qualifications?.includes(q)).length).toBeGreaterThanOrEqual(2);
    }
    expect(s.calendar?.preset).toBe('cn-mainland');
    expect(s.calendar?.quietPeriods?.length).toBeGreaterThanOrEqual(1);
    expect(s.policy?.travelMinutesPerKm).toBe(2);
    expect(s.history!.length).toBeGreaterThan(s.enterprises.length * 0.3);
  });

  it('works for another year (no preset data: weekends only)', () => {
    const s = generateScenario({ tier: 'S', seed: 5, year: 2028 });
    expect(s.horizon).toEqual({ from: '2028-01-01', to: '2028-12-31' });
    expect(contractProblems(s)).toEqual([]);
    expect(s.requests.some((r) => r.window.to === '2028-12-31')).toBe(true);
  });

  it('rejects an unknown tier', () => {
    expect(() => generateScenario({ tier: 'XXL' as never })).toThrow();
  });
});
