/**
 * The static part of the MIP: every on-site occurrence and the days it could be placed on,
 * derived here from contract v1 (§1.1, §1.6, §2.1 rules 1–7) with the public calendar helpers,
 * independently of the planner's `src/compile/`. Also the pooled staff capacity per department
 * and day that the aggregate staff constraints use.
 */
import {
  compileQuietPeriods,
  horizonDays,
  quietPeriodsOn,
  scenarioCalendar,
  toDay,
  toMinutes,
  unavailableDays,
} from '../../src/calendar/index.js';
import { expandOccurrences, type Scenario } from '../../src/index.js';

const PLANNED = new Set(['routine', 'random', 'special']);

export interface MipEnterprise {
  index: number;
  id: string;
  area: string | undefined;
  grade: string | undefined;
  /** Longest allowed visit: min(maxVisitMinutes, dayEnd − dayStart). */
  limit: number;
}

export interface MipOccurrence {
  id: string;
  enterprise: number;
  department: number;
  basis: string;
  priority: number;
  exclusive: boolean;
  /** Officers its department must send: max(minInspectorsPerDepartment, inspectors). */
  need: number;
  minutes: number;
  /** Qualifications its items require (rule 7: the team holds each). */
  qualifications: string[];
  /** Absolute day numbers, ascending. */
  days: number[];
}

export interface MipStaff {
  /** Per department, per horizon day index: Σ maxVisitsPerDay of its officers present. */
  visits: Int32Array[];
  /** Per department, per horizon day index: Σ maxMinutesPerDay of its officers present. */
  minutes: Int32Array[];
}

export interface MipInput {
  scenario: Scenario;
  horizonFrom: number;
  horizonDays: number;
  departments: string[];
  enterprises: MipEnterprise[];
  /** On-site occurrences not excluded by a static rule and with at least one day. */
  occurrences: MipOccurrence[];
  /** On-site occurrences in the scenario (with or without a day). */
  onsite: number;
  staff: MipStaff;
  minInspectors: number;
  /** Every officer of a listed department, in scenario order (the exact model assigns them). */
  officers: MipOfficer[];
}

export interface MipOfficer {
  id: string;
  department: number;
  maxVisits: number;
  maxMinutes: number;
  areas: ReadonlySet<string> | undefined;
  avoid: ReadonlySet<string>;
  qualifications: readonly string[];
  /** 1 on horizon day indices with a valid certificate and no unavailability. */
  present: Uint8Array;
}

/**
 * Occurrences with their feasible days: window ∩ horizon ∩ working days (no make-up day under
 * `forbid`) ∩ enterprise available ∩ quiet periods ∩ `fixedDate`, with whitelist, jurisdiction
 * and too-long parts excluded outright, and — a necessary condition of rule 7, so still a
 * relaxation — days on which the department's eligible officers (certificate, leave, area,
 * recusal) could not field a team of the size and qualifications it needs on its own.
 */
export function feasibleInput(s: Scenario): MipInput {
  const cal = scenarioCalendar(s);
  const horizon = horizonDays(s);
  const H = horizon.to - horizon.from + 1;
  const quiet = compileQuietPeriods(s.calendar.quietPeriods, horizon);
  const dayLen = toMinutes(s.calendar.dayEnd) - toMinutes(s.calendar.dayStart);
  const minInspectors = s.policy.minInspectorsPerDepartment;

  const open = new Uint8Array(H);
  for (let i = 0; i < H; i++) {
    const d = horizon.from + i;
    if (cal.isWorkingDay(d) && !(cal.isMakeupWorkday(d) && s.policy.makeupWorkdays === 'forbid')) open[i] = 1;
  }

  const departments = s.departments.map((d) => d.id);
  const deptIndex = new Map(departments.map((id, i) => [id, i]));
  const deptAreas = s.departments.map((d) => (d.areas ? new Set(d.areas) : undefined));
  const items = new Map(s.items.map((it) => [it.id, it]));

  const enterprises: MipEnterprise[] = s.enterprises.map((e, index) => ({
    index,
    id: e.id,
    area: e.area,
    grade: e.riskGrade,
    limit: Math.min(e.maxVisitMinutes ?? Infinity, dayLen),
  }));
  const entIndex = new Map(enterprises.map((e) => [e.id, e.index]));
  const entUnavailable = new Map<number, ReturnType<typeof unavailableDays>>();
  const unavailableOf = (e: number) => {
    let set = entUnavailable.get(e);
    if (!set) {
      const src = s.enterprises[e]!;
      set = unavailableDays(src.unavailable, src.unavailableRule, horizon);
      entUnavailable.set(e, set);
    }
    return set;
  };

  // Officers per department, and the pooled capacity per department and day.
  const officers: MipOfficer[][] = departments.map(() => []);
  const all: MipOfficer[] = [];
  const staff: MipStaff = {
    visits: departments.map(() => new Int32Array(H)),
    minutes: departments.map(() => new Int32Array(H)),
  };
  for (const p of s.inspectors) {
    const k = deptIndex.get(p.departmentId);
    if (k === undefined) continue;
    const away = unavailableDays(p.unavailable, p.unavailableRule, horizon);
    const from = toDay(p.certificate.validFrom);
    const to = toDay(p.certificate.validTo);
    const present = new Uint8Array(H);
    const maxMinutes = p.maxMinutesPerDay ?? dayLen;
    for (let i = 0; i < H; i++) {
      const d = horizon.from + i;
      if (d < from || d > to || away.has(d)) continue;
      present[i] = 1;
      staff.visits[k]![i]! += p.maxVisitsPerDay;
      staff.minutes[k]![i]! += maxMinutes;
    }
    const officer: MipOfficer = { id: p.id, department: k, maxVisits: p.maxVisitsPerDay, maxMinutes, areas: p.areas ? new Set(p.areas) : undefined, avoid: new Set(p.avoid), qualifications: p.qualifications, present };
    officers[k]!.push(officer);
    all.push(officer);
  }

  const occurrences: MipOccurrence[] = [];
  let onsite = 0;
  for (const o of expandOccurrences(s)) {
    const r = o.request;
    const its = r.itemIds.map((id) => items.get(id)!);
    if (!r.onsite && its.every((it) => it.offsite)) continue;
    onsite++;
    const e = entIndex.get(r.enterpriseId)!;
    const ent = enterprises[e]!;
    const k = deptIndex.get(r.departmentId)!;
    const minutes = its.reduce((a, it) => a + it.durationMinutes, 0);
    if (minutes > ent.limit) continue;
    if (s.enterprises[e]!.whitelisted && PLANNED.has(r.basis)) {
      if (!its.some((it) => it.field !== undefined && s.policy.whitelistExemptFields.includes(it.field))) continue;
    }
    const areas = deptAreas[k];
    if (areas && ent.area !== undefined && !areas.has(ent.area)) continue;
    const need = Math.max(minInspectors, r.inspectors ?? minInspectors);
    const quals = [...new Set(its.flatMap((it) => it.qualifications))];
    const eligible = officers[k]!.filter(
      (p) => (p.areas === undefined || ent.area === undefined || p.areas.has(ent.area)) && !p.avoid.has(ent.id),
    );
    if (eligible.length < need) continue;

    const fixed = r.fixedDate !== undefined ? toDay(r.fixedDate) : undefined;
    const unavailable = unavailableOf(e);
    const days: number[] = [];
    for (let d = Math.max(o.from, horizon.from); d <= Math.min(o.to, horizon.to); d++) {
      const i = d - horizon.from;
      if (open[i] !== 1 || unavailable.has(d)) continue;
      if (fixed !== undefined && d !== fixed) continue;
      if (quietPeriodsOn(quiet, ent.area, d).some((q) => !q.exemptBases.has(r.basis))) continue;
      if (!teamPossible(eligible, i, need, quals)) continue;
      days.push(d);
    }
    if (days.length === 0) continue;
    occurrences.push({ id: o.id, enterprise: e, department: k, basis: r.basis, priority: r.priority, exclusive: r.exclusive, need, minutes, qualifications: quals, days });
  }
  return { scenario: s, horizonFrom: horizon.from, horizonDays: H, departments, enterprises, occurrences, onsite, staff, minInspectors, officers: all };
}

/** Whether enough eligible officers are present on day index `i` and hold every qualification. */
function teamPossible(eligible: readonly MipOfficer[], i: number, need: number, quals: readonly string[]): boolean {
  let count = 0;
  const missing = new Set(quals);
  for (const p of eligible) {
    if (p.present[i] !== 1) continue;
    count++;
    for (const q of p.qualifications) missing.delete(q);
  }
  return count >= need && missing.size === 0;
}
