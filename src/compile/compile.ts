/**
 * Compiles a parsed scenario into the indexed problem the planner works on, and finds every
 * occurrence that cannot be placed on any day (with the first rule that excludes it).
 */
import { compileQuietPeriods, horizonDays, unavailableDays } from '../calendar/availability.js';
import { scenarioCalendar } from '../calendar/calendar.js';
import { formatDay, toDay, toMinutes } from '../calendar/civil.js';
import { inspectorMinutesPerDay, requestedInspectors, travelMinutes } from '../model/derived.js';
import { isPlannedBasis } from '../model/primitives.js';
import type { Scenario } from '../model/scenario.js';
import { expandOccurrences, isOffsiteOccurrence, type Occurrence } from '../occurrences/expand.js';
import type { UnscheduledReason } from '../report/reasons.js';
import { compileCaps, seedHistory } from './caps.js';
import { staffFunnel } from './staff-funnel.js';
import { buildStaffProfiles } from './staff-profile.js';
import type { CDepartment, CEnterprise, COccurrence, COfficer, CompiledProblem } from './problem.js';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function compileProblem(scenario: Scenario): CompiledProblem {
  const calendar = scenarioCalendar(scenario);
  const horizon = horizonDays(scenario);
  const day0 = horizon.from;
  const days = horizon.to - horizon.from + 1;
  const dayStart = toMinutes(scenario.calendar.dayStart);
  const dayEnd = toMinutes(scenario.calendar.dayEnd);
  const policy = scenario.policy;
  const quietPeriods = compileQuietPeriods(scenario.calendar.quietPeriods, horizon);

  const departments: CDepartment[] = scenario.departments.map((d, index) => ({
    index,
    id: d.id,
    areas: d.areas ? new Set(d.areas) : undefined,
    officers: [],
  }));
  const deptIndex = new Map(departments.map((d) => [d.id, d.index]));

  // Enterprises and officers in id order, so the input's list order cannot change the plan.
  const enterprises: CEnterprise[] = [...scenario.enterprises].sort(byId).map((e, index) => ({
    index,
    id: e.id,
    source: e,
    maxMinutes: Math.min(e.maxVisitMinutes ?? Infinity, dayEnd - dayStart),
    lead: e.leadDepartmentId !== undefined ? (deptIndex.get(e.leadDepartmentId) ?? -1) : -1,
    occurrences: [],
  }));
  const entIndex = new Map(enterprises.map((e) => [e.id, e.index]));
  const entUnavailable = enterprises.map((e) => unavailableDays(e.source.unavailable, e.source.unavailableRule, horizon));
  const entHasUnavailable = entUnavailable.map((d) => !d.isEmpty());

  const officers: COfficer[] = [...scenario.inspectors].sort(byId).map((p, index) => {
    const unavailable = unavailableDays(p.unavailable, p.unavailableRule, horizon);
    const certified = new Uint8Array(days);
    const available = new Uint8Array(days);
    const validFrom = toDay(p.certificate.validFrom);
    const validTo = toDay(p.certificate.validTo);
    for (let i = 0; i < days; i++) {
      const day = day0 + i;
      if (day >= validFrom && day <= validTo) {
        certified[i] = 1;
        if (!unavailable.has(day)) available[i] = 1;
      }
    }
    const department = deptIndex.get(p.departmentId) as number;
    return {
      index,
      id: p.id,
      source: p,
      department,
      available,
      certified,
      areas: p.areas ? new Set(p.areas) : undefined,
      avoid: new Set(p.avoid),
      qualifications: new Set(p.qualifications),
      maxVisits: p.maxVisitsPerDay,
      maxMinutes: inspectorMinutesPerDay(p, scenario),
    };
  });
  for (const o of officers) departments[o.department]?.officers.push(o.index);

  const profiles = buildStaffProfiles(officers, days);
  const working = new Uint8Array(days);
  const makeup = new Uint8Array(days);
  for (let i = 0; i < days; i++) {
    const day = day0 + i;
    if (!calendar.isWorkingDay(day)) continue;
    const isMakeup = calendar.isMakeupWorkday(day);
    makeup[i] = isMakeup ? 1 : 0;
    if (!(isMakeup && policy.makeupWorkdays === 'forbid')) working[i] = 1;
  }

  const items = new Map(scenario.items.map((it) => [it.id, it]));
  const all = expandOccurrences(scenario).sort(byId);
  const offsite: Occurrence[] = [];
  const excluded: { occurrence: Occurrence; reason: UnscheduledReason }[] = [];
  const occurrences: COccurrence[] = [];
  const caps = compileCaps(scenario, deptIndex);
  const horizonFrom = scenario.horizon.from;
  const horizonTo = scenario.horizon.to;

  for (const occ of all) {
    const r = occ.request;
    if (isOffsiteOccurrence(r, (id) => items.get(id)?.offsite === true)) {
      offsite.push(occ);
      continue;
    }
    const ent = enterprises[entIndex.get(r.enterpriseId) as number] as CEnterprise;
    const dept = departments[deptIndex.get(r.departmentId) as number] as CDepartment;
    const reqItems = r.itemIds.map((id) => items.get(id)).filter((it) => it !== undefined);
    const minutes = reqItems.reduce((s, it) => s + it.durationMinutes, 0);
    const qualifications = [...new Set(reqItems.flatMap((it) => it.qualifications))].sort();
    const need = Math.max(policy.minInspectorsPerDepartment, requestedInspectors(r, policy));
    const from = formatDay(occ.rawFrom);
    const to = formatDay(occ.rawTo);
    const exclude = (reason: UnscheduledReason) => excluded.push({ occurrence: occ, reason });

    // 1. The window must touch the horizon.
    if (occ.from > occ.to) {
      exclude({ code: 'OUTSIDE_HORIZON', details: { from, to, horizonFrom, horizonTo } });
      continue;
    }
    const fixed = r.fixedDate !== undefined ? toDay(r.fixedDate) : undefined;
    const fixedFail = (cause: string) =>
      exclude({ code: 'FIXED_DATE_INFEASIBLE', details: { fixedDate: r.fixedDate, cause, from, to } });
    if (fixed !== undefined && (fixed < occ.from || fixed > occ.to)) {
      fixedFail('outside-window');
      continue;
    }
    const lo = (fixed ?? occ.from) - day0;
    const hi = (fixed ?? occ.to) - day0;
    // 2–4: working days, the enterprise's availability, quiet periods — each filter in turn.
    let candidates: number[] = [];
    for (let i = lo; i <= hi; i++) if (working[i]) candidates.push(i);
    if (candidates.length === 0) {
      if (fixed !== undefined) fixedFail('not-working-day');
      else exclude({ code: 'NO_WORKING_DAY', details: { from, to, makeupWorkdays: policy.makeupWorkdays } });
      continue;
    }
    const unavailable = entUnavailable[ent.index] as ReturnType<typeof unavailableDays>;
    if (entHasUnavailable[ent.index]) candidates = candidates.filter((i) => !unavailable.has(day0 + i));
    if (candidates.length === 0) {
      if (fixed !== undefined) fixedFail('enterprise-unavailable');
      else exclude({ code: 'ENTERPRISE_UNAVAILABLE', details: { enterpriseId: ent.id, from, to } });
      continue;
    }
    const quietIds = new Set<string>();
    // Only the quiet periods that cover this enterprise's area and do not exempt this basis matter.
    const area = ent.source.area;
    const blocking = quietPeriods.filter((q) => !q.exemptBases.has(r.basis) && (q.areas === undefined || (area !== undefined && q.areas.has(area))));
    if (blocking.length > 0) {
      candidates = candidates.filter((i) => {
        const quiet = blocking.filter((q) => q.days.has(day0 + i));
        for (const q of quiet) quietIds.add(q.id);
        return quiet.length === 0;
      });
    }
    if (candidates.length === 0) {
      if (fixed !== undefined) fixedFail('quiet-period');
      else exclude({ code: 'QUIET_PERIOD', details: { enterpriseId: ent.id, basis: r.basis, quietPeriodIds: [...quietIds].sort(), from, to } });
      continue;
    }
    // 5. Static rules: whitelist, the department's jurisdiction, the visit's length.
    if (ent.source.whitelisted && isPlannedBasis(r.basis)) {
      const exempt = reqItems.some((it) => it.field !== undefined && policy.whitelistExemptFields.includes(it.field));
      if (!exempt) {
        exclude({ code: 'WHITELISTED', details: { enterpriseId: ent.id, basis: r.basis, fields: reqItems.map((it) => it.field ?? '-'), exemptFields: policy.whitelistExemptFields } });
        continue;
      }
    }
    if (dept.areas && ent.source.area !== undefined && !dept.areas.has(ent.source.area)) {
      exclude({ code: 'AREA_MISMATCH', details: { departmentId: dept.id, area: ent.source.area, departmentAreas: [...dept.areas] } });
      continue;
    }
    if (minutes > ent.maxMinutes) {
      exclude({ code: 'VISIT_TOO_LONG', details: { minutes, limit: ent.maxMinutes, enterpriseId: ent.id } });
      continue;
    }
    // 6. Staff: enough certified, eligible, qualified officers available on the day.
    const fast = profiles.feasibleDays(dept, ent, qualifications, need, candidates);
    const funnel = fast !== undefined && fast.length > 0 ? { days: fast, filter: '', counts: {} } : staffFunnel(officers, dept, ent, qualifications, need, candidates);
    if (funnel.days.length === 0) {
      if (fixed !== undefined) fixedFail('no-eligible-inspectors');
      else
        exclude({
          code: 'NO_ELIGIBLE_INSPECTORS',
          details: {
            departmentId: dept.id,
            needed: need,
            filter: funnel.filter,
            funnel: funnel.counts,
            daysTried: candidates.length,
            // the first days tried (all are counted in daysTried)
            days: candidates.slice(0, 20).map((i) => formatDay(day0 + i)),
            qualifications,
          },
        });
      continue;
    }
    const preferred = new Set<number>();
    for (const p of r.preferredDates) preferred.add(toDay(p) - day0);
    const index = occurrences.length;
    occurrences.push({
      index,
      id: occ.id,
      source: occ,
      enterprise: ent.index,
      department: dept.index,
      basis: r.basis,
      priority: r.priority,
      exclusive: r.exclusive,
      need,
      minutes,
      qualifications,
      feasible: Int32Array.from(funnel.days),
      preferred,
      caps: caps.filter((c) => (c.departments === undefined || c.departments.has(dept.index)) && c.bases.has(r.basis)).map((c) => c.index),
    });
    ent.occurrences.push(index);
  }

  const presentByDeptDay: Int32Array[] = [];
  for (const dept of departments) {
    for (let d = 0; d < days; d++) {
      const present = dept.officers.filter((i) => (officers[i] as COfficer).available[d] === 1);
      presentByDeptDay[dept.index * days + d] = Int32Array.from(present);
    }
  }
  const travelCache = new Map<number, number>();
  const E = enterprises.length;
  const travel = (a: number, b: number): number => {
    if (a === b || policy.travelMinutesPerKm === undefined) return 0;
    const key = a < b ? a * E + b : b * E + a;
    let t = travelCache.get(key);
    if (t === undefined) {
      t = travelMinutes((enterprises[a] as CEnterprise).source, (enterprises[b] as CEnterprise).source, policy);
      travelCache.set(key, t);
    }
    return t;
  };

  return {
    scenario,
    calendar,
    quietPeriods,
    day0,
    days,
    dayStart,
    dayEnd,
    departments,
    enterprises,
    officers,
    occurrences,
    all,
    offsite,
    excluded,
    caps,
    history: seedHistory(scenario, caps, entIndex, deptIndex),
    makeup,
    presentByDeptDay,
    travel,
    minInspectors: policy.minInspectorsPerDepartment,
    maxDepartments: policy.maxDepartmentsPerVisit ?? Infinity,
  };
}
