/**
 * An exact planner for small scenarios where staff never binds, written independently of the
 * library's solver: per enterprise, every partition of its occurrences into visits (or
 * "unscheduled") and every assignment of distinct days to those visits is searched, with
 * branch and bound, for the greatest scheduled priority and then the fewest visits.
 * Feasible days are derived from the contract's rules with the public calendar functions;
 * caps are checked by a counter written here from contract §1.7.
 */
import { compileQuietPeriods, horizonDays, quietPeriodsOn, unavailableDays } from '../../src/calendar/availability.js';
import { scenarioCalendar } from '../../src/calendar/calendar.js';
import { dayParts, toDay, toMinutes } from '../../src/calendar/civil.js';
import { expandOccurrences } from '../../src/occurrences/expand.js';
import type { Scenario } from '../../src/model/scenario.js';

interface Occ {
  id: string;
  dept: string;
  basis: string;
  priority: number;
  exclusive: boolean;
  minutes: number;
  days: number[];
}

export interface ExactResult {
  priority: number;
  visits: number;
}

const PLANNED = ['routine', 'random', 'special'];

function feasibleOccurrences(s: Scenario): Map<string, Occ[]> {
  const cal = scenarioCalendar(s);
  const horizon = horizonDays(s);
  const quiet = compileQuietPeriods(s.calendar.quietPeriods, horizon);
  const items = new Map(s.items.map((i) => [i.id, i]));
  const depts = new Map(s.departments.map((d) => [d.id, d]));
  const dayLen = toMinutes(s.calendar.dayEnd) - toMinutes(s.calendar.dayStart);
  const out = new Map<string, Occ[]>();
  for (const e of s.enterprises) out.set(e.id, []);
  for (const o of expandOccurrences(s)) {
    const r = o.request;
    const its = r.itemIds.map((i) => items.get(i)!);
    if (!r.onsite && its.every((i) => i.offsite)) continue;
    const e = s.enterprises.find((x) => x.id === r.enterpriseId)!;
    const unavailable = unavailableDays(e.unavailable, e.unavailableRule, horizon);
    const minutes = its.reduce((a, i) => a + i.durationMinutes, 0);
    const limit = Math.min(e.maxVisitMinutes ?? Infinity, dayLen);
    const whitelistBlocks = e.whitelisted && PLANNED.includes(r.basis) && !its.some((i) => i.field !== undefined && s.policy.whitelistExemptFields.includes(i.field));
    const dep = depts.get(r.departmentId)!;
    const areaBlocks = dep.areas !== undefined && e.area !== undefined && !dep.areas.includes(e.area);
    const days: number[] = [];
    if (!whitelistBlocks && !areaBlocks && minutes <= limit) {
      for (let d = Math.max(o.from, horizon.from); d <= Math.min(o.to, horizon.to); d++) {
        if (!cal.isWorkingDay(d)) continue;
        if (cal.isMakeupWorkday(d) && s.policy.makeupWorkdays === 'forbid') continue;
        if (unavailable.has(d)) continue;
        if (r.fixedDate !== undefined && toDay(r.fixedDate) !== d) continue;
        if (quietPeriodsOn(quiet, e.area, d).some((q) => !q.exemptBases.has(r.basis))) continue;
        days.push(d);
      }
    }
    out.get(e.id)!.push({ id: o.id, dept: r.departmentId, basis: r.basis, priority: r.priority, exclusive: r.exclusive, minutes, days });
  }
  return out;
}

interface Event {
  day: number;
  /** department → bases of its occurrences in the event */
  parts: Map<string, string[]>;
  plan: boolean;
}

function periodKey(period: string, day: number): string {
  const { year, month } = dayParts(day);
  if (period === 'year') return `${year}`;
  if (period === 'half-year') return `${year}-${month <= 6 ? 1 : 2}`;
  if (period === 'quarter') return `${year}-q${Math.ceil(month / 3)}`;
  return `${year}-${month}`;
}

/** Whether the events respect every cap of the scenario at one enterprise (history-only breaches excused). */
function capsHold(s: Scenario, grade: string | undefined, events: readonly Event[]): boolean {
  for (const cap of s.caps) {
    const limit = (grade !== undefined ? (cap.maxByRiskGrade as Record<string, number> | undefined)?.[grade] : undefined) ?? cap.max;
    const counts = (d: string, bases: string[]) => (cap.departmentIds === undefined || cap.departmentIds.includes(d)) && bases.some((b) => cap.countsBases.includes(b as never));
    const tallies = new Map<string, Event[]>();
    for (const ev of events) {
      const countingDepts = [...ev.parts].filter(([d, b]) => counts(d, b)).map(([d]) => d);
      if (countingDepts.length === 0) continue;
      const keys = cap.per === 'enterprise' ? ['*'] : countingDepts;
      for (const k of keys) tallies.set(k, [...(tallies.get(k) ?? []), ev]);
    }
    for (const list of tallies.values()) {
      const sorted = [...list].sort((a, b) => a.day - b.day);
      if (cap.minGapDays !== undefined) {
        for (let i = 0; i < sorted.length; i++)
          for (let j = i + 1; j < sorted.length; j++)
            if ((sorted[i]!.plan || sorted[j]!.plan) && sorted[j]!.day - sorted[i]!.day < cap.minGapDays) return false;
      }
      if (limit === undefined) continue;
      if (typeof cap.period === 'string') {
        const groups = new Map<string, Event[]>();
        for (const ev of sorted) {
          const k = periodKey(cap.period, ev.day);
          groups.set(k, [...(groups.get(k) ?? []), ev]);
        }
        for (const g of groups.values()) if (g.length > limit && g.some((e) => e.plan)) return false;
      } else {
        const n = cap.period.rollingDays;
        for (const start of sorted) {
          const inSpan = sorted.filter((e) => e.day >= start.day && e.day <= start.day + n - 1);
          if (inSpan.length > limit && inSpan.some((e) => e.plan)) return false;
        }
      }
    }
  }
  return true;
}

interface Block {
  occs: Occ[];
  days: number[];
  minutes: Map<string, number>;
}

export function exactOptimum(s: Scenario): ExactResult {
  const byEnt = feasibleOccurrences(s);
  const dayLen = toMinutes(s.calendar.dayEnd) - toMinutes(s.calendar.dayStart);
  const maxDepts = s.policy.maxDepartmentsPerVisit ?? Infinity;
  let priority = 0;
  let visits = 0;
  for (const e of s.enterprises) {
    const occs = (byEnt.get(e.id) ?? []).filter((o) => o.days.length > 0);
    const limit = Math.min(e.maxVisitMinutes ?? Infinity, dayLen);
    const history: Event[] = s.history
      .filter((h) => h.enterpriseId === e.id)
      .map((h) => ({ day: toDay(h.date), parts: new Map(h.departmentIds.map((d) => [d, [h.basis]])), plan: false }));
    let best = { priority: -1, visits: Infinity };
    const remaining = (i: number) => occs.slice(i).reduce((a, o) => a + o.priority, 0);

    const assignDays = (blocks: Block[], k: number, used: number[], events: Event[]): boolean => {
      if (k === blocks.length) return true;
      const b = blocks[k]!;
      for (const d of b.days) {
        if (used.includes(d)) continue;
        const parts = new Map<string, string[]>();
        for (const o of b.occs) parts.set(o.dept, [...(parts.get(o.dept) ?? []), o.basis]);
        const next = [...events, { day: d, parts, plan: true }];
        if (!capsHold(s, e.riskGrade, next)) continue;
        if (assignDays(blocks, k + 1, [...used, d], next)) return true;
      }
      return false;
    };

    const dfs = (i: number, blocks: Block[], pri: number) => {
      if (pri + remaining(i) < best.priority) return;
      if (pri + remaining(i) === best.priority && blocks.length >= best.visits) return;
      if (i === occs.length) {
        if (pri > best.priority || (pri === best.priority && blocks.length < best.visits)) {
          if (assignDays(blocks, 0, [], history)) best = { priority: pri, visits: blocks.length };
        }
        return;
      }
      const o = occs[i]!;
      // into an existing block
      if (!o.exclusive) {
        for (const b of blocks) {
          if (b.occs.some((x) => x.exclusive)) continue;
          const m = (b.minutes.get(o.dept) ?? 0) + o.minutes;
          if (m > limit) continue;
          if (!b.minutes.has(o.dept) && b.minutes.size >= maxDepts) continue;
          const days = b.days.filter((d) => o.days.includes(d));
          if (days.length === 0) continue;
          const nb: Block = { occs: [...b.occs, o], days, minutes: new Map(b.minutes).set(o.dept, m) };
          dfs(i + 1, blocks.map((x) => (x === b ? nb : x)), pri + o.priority);
        }
      }
      // a new block
      dfs(i + 1, [...blocks, { occs: [o], days: o.days, minutes: new Map([[o.dept, o.minutes]]) }], pri + o.priority);
      // unscheduled
      dfs(i + 1, blocks, pri);
    };
    dfs(0, [], 0);
    priority += best.priority;
    visits += best.visits;
  }
  return { priority, visits };
}
