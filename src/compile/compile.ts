/**
 * Compiles a parsed scenario into the indexed problem the planner works on, and finds every
 * occurrence that cannot be placed on any day (with the first rule that excludes it).
 */
import { compileQuietPeriods, horizonDays, unavailableDays, type CompiledQuietPeriod } from '../calendar/availability.js';
import { scenarioCalendar } from '../calendar/calendar.js';
import { formatDay, toDay, toMinutes } from '../calendar/civil.js';
import { cosLatitude, haversineKm, inspectorMinutesPerDay, requestedInspectors } from '../model/derived.js';
import { isPlannedBasis } from '../model/primitives.js';
import type { Scenario } from '../model/scenario.js';
import { expandOccurrences, type Occurrence } from '../occurrences/expand.js';
import type { UnscheduledReason } from '../report/reasons.js';
import { compileCaps, seedHistory } from './caps.js';
import { requestShapes, type RequestShape } from './shapes.js';
import { staffFunnel } from './staff-funnel.js';
import { buildStaffProfiles } from './staff-profile.js';
import type { CDepartment, CEnterprise, COccurrence, COfficer, CompiledProblem } from './problem.js';

const NO_DAYS: ReadonlySet<number> = new Set();

/** Whether one of these quiet periods covers the day (a plain loop: this runs for every day of every window). */
function isQuiet(blocking: readonly CompiledQuietPeriod[], day: number): boolean {
  for (const q of blocking) if (q.days.has(day)) return true;
  return false;
}

/** How many of ascending `days` are at most `x`. */
function countUpTo(days: Int32Array, x: number): number {
  let a = 0;
  let b = days.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((days[mid] as number) <= x) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** The part of ascending `days` within [lo, hi], as a view (no copy), or undefined when none is. */
function slice(days: Int32Array, lo: number, hi: number): Int32Array | undefined {
  const a = countUpTo(days, lo - 1);
  const b = countUpTo(days, hi);
  return b > a ? days.subarray(a, b) : undefined;
}

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
  const ruleDays = new Map<string, readonly number[]>();
  // Most enterprises have no unavailability: no day set for them.
  const entUnavailable = enterprises.map((e) =>
    e.source.unavailable.length > 0 || e.source.unavailableRule !== undefined ? unavailableDays(e.source.unavailable, e.source.unavailableRule, horizon, ruleDays) : undefined,
  );
  const entHasUnavailable = entUnavailable.map((d) => d !== undefined && !d.isEmpty());

  const officers: COfficer[] = [...scenario.inspectors].sort(byId).map((p, index) => {
    const unavailable = unavailableDays(p.unavailable, p.unavailableRule, horizon, ruleDays);
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
  const shapes = requestShapes({ scenario, items, caps, quietPeriods, profiles, working, day0 });

  // What the occurrences of one request share (they are neighbours in id order), worked out
  // when its first occurrence comes.
  let request: Occurrence['request'] | undefined;
  let ent = enterprises[0] as CEnterprise;
  let dept = departments[0] as CDepartment;
  let shape: RequestShape | undefined;
  /** The shape's shared days, when the enterprise has no days of its own; else undefined. */
  let shared: Int32Array | undefined;
  let preferred: ReadonlySet<number> = NO_DAYS;
  // The candidate days of the occurrence at hand (horizon indices): the first `count` of a reused buffer.
  const dayBuffer = new Int32Array(days);

  // The window as dates, only for a reason (formatting every occurrence's would cost time).
  const windowOf = (occ: Occurrence) => ({ from: formatDay(occ.rawFrom), to: formatDay(occ.rawTo) });
  const exclude = (occurrence: Occurrence, reason: UnscheduledReason) => excluded.push({ occurrence, reason });
  const fixedFail = (occ: Occurrence, cause: string, extra: Record<string, unknown> = {}) =>
    exclude(occ, { code: 'FIXED_DATE_INFEASIBLE', details: { fixedDate: occ.request.fixedDate, cause, ...extra, ...windowOf(occ) } });

  for (const occ of all) {
    const r = occ.request;
    if (r !== request) {
      request = r;
      ent = enterprises[entIndex.get(r.enterpriseId) as number] as CEnterprise;
      dept = departments[deptIndex.get(r.departmentId) as number] as CDepartment;
      shape = shapes.of(r, ent.source.area, dept);
      shared = undefined;
      if (!shape.itemsOffsite || r.onsite) {
        if (!entHasUnavailable[ent.index] && !profiles.recused(dept, ent)) shared = shapes.days(shape);
        preferred = NO_DAYS;
        if (r.preferredDates.length > 0) {
          const set = new Set<number>();
          for (const p of r.preferredDates) set.add(toDay(p) - day0);
          preferred = set;
        }
      }
    }
    const { reqItems, minutes, qualifications, need, blocking, caps: capIndices } = shape as RequestShape;
    if (!r.onsite && (shape as RequestShape).itemsOffsite) {
      offsite.push(occ);
      continue;
    }
    // 1. The window must touch the horizon.
    if (occ.from > occ.to) {
      exclude(occ, { code: 'OUTSIDE_HORIZON', details: { ...windowOf(occ), horizonFrom, horizonTo } });
      continue;
    }
    const fixed = r.fixedDate !== undefined ? toDay(r.fixedDate) : undefined;
    if (fixed !== undefined && (fixed < occ.from || fixed > occ.to)) {
      fixedFail(occ, 'outside-window');
      continue;
    }
    const lo = (fixed ?? occ.from) - day0;
    const hi = (fixed ?? occ.to) - day0;
    // The days, when the shape's shared days hold some in the window: they are what the
    // filters below would leave (the calendar's, then the staff's), so only the static rules
    // are left to check. Otherwise every filter runs, to find the reason.
    let feasible = shared !== undefined ? slice(shared, lo, hi) : undefined;
    const unavailable = entHasUnavailable[ent.index] ? entUnavailable[ent.index] : undefined;
    let count = 0;
    if (feasible === undefined) {
      // 2–4: working days, the enterprise's availability, quiet periods — one pass, counting
      // what each filter leaves, so that the first filter to empty the window is the reason.
      let workingDays = 0;
      let availableDays = 0;
      for (let i = lo; i <= hi; i++) {
        if (!working[i]) continue;
        workingDays++;
        if (unavailable?.has(day0 + i)) continue;
        availableDays++;
        if (blocking.length > 0 && isQuiet(blocking, day0 + i)) continue;
        dayBuffer[count++] = i;
      }
      if (workingDays === 0) {
        if (fixed !== undefined) fixedFail(occ, 'not-working-day');
        else exclude(occ, { code: 'NO_WORKING_DAY', details: { ...windowOf(occ), makeupWorkdays: policy.makeupWorkdays } });
        continue;
      }
      if (availableDays === 0) {
        if (fixed !== undefined) fixedFail(occ, 'enterprise-unavailable');
        else exclude(occ, { code: 'ENTERPRISE_UNAVAILABLE', details: { enterpriseId: ent.id, ...windowOf(occ) } });
        continue;
      }
      if (count === 0) {
        if (fixed !== undefined) fixedFail(occ, 'quiet-period');
        else {
          // Every available day is quiet: name the periods that made it so.
          const quietIds = new Set<string>();
          for (let i = lo; i <= hi; i++) {
            if (!working[i] || unavailable?.has(day0 + i)) continue;
            for (const q of blocking) if (q.days.has(day0 + i)) quietIds.add(q.id);
          }
          exclude(occ, { code: 'QUIET_PERIOD', details: { enterpriseId: ent.id, basis: r.basis, quietPeriodIds: [...quietIds].sort(), ...windowOf(occ) } });
        }
        continue;
      }
    }
    // 5. Static rules: whitelist, the department's jurisdiction, the visit's length.
    if (ent.source.whitelisted && isPlannedBasis(r.basis)) {
      const exempt = reqItems.some((it) => it.field !== undefined && policy.whitelistExemptFields.includes(it.field));
      if (!exempt) {
        exclude(occ, { code: 'WHITELISTED', details: { enterpriseId: ent.id, basis: r.basis, fields: reqItems.map((it) => it.field ?? '-'), exemptFields: policy.whitelistExemptFields } });
        continue;
      }
    }
    if (dept.areas && ent.source.area !== undefined && !dept.areas.has(ent.source.area)) {
      exclude(occ, { code: 'AREA_MISMATCH', details: { departmentId: dept.id, area: ent.source.area, departmentAreas: [...dept.areas] } });
      continue;
    }
    if (minutes > ent.maxMinutes) {
      exclude(occ, { code: 'VISIT_TOO_LONG', details: { minutes, limit: ent.maxMinutes, enterpriseId: ent.id } });
      continue;
    }
    if (feasible === undefined) {
      // 6. Staff: enough certified, eligible, qualified officers available on the day.
      const candidates = dayBuffer.subarray(0, count);
      const fast = profiles.feasibleDays(dept, ent, qualifications, need, candidates);
      const funnel = fast !== undefined && fast.length > 0 ? { days: fast, filter: '', counts: {} } : staffFunnel(officers, dept, ent, qualifications, need, candidates);
      if (funnel.days.length === 0) {
        if (fixed !== undefined) fixedFail(occ, 'no-eligible-inspectors', { departmentId: dept.id });
        else
          exclude(occ, {
            code: 'NO_ELIGIBLE_INSPECTORS',
            details: {
              departmentId: dept.id,
              needed: need,
              filter: funnel.filter,
              funnel: funnel.counts,
              ...('certificates' in funnel && funnel.certificates ? { certificates: funnel.certificates } : {}),
              daysTried: candidates.length,
              // the first days tried (all are counted in daysTried)
              days: Array.from(candidates.subarray(0, 20), (i) => formatDay(day0 + i)),
              qualifications,
            },
          });
        continue;
      }
      feasible = funnel.days instanceof Int32Array ? funnel.days : Int32Array.from(funnel.days);
    }
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
      feasible,
      preferred,
      caps: capIndices,
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
  // Travel is computed for every slot an officer has that day: straight from each
  // enterprise's coordinates (no cache keyed by pairs).
  const perKm = policy.travelMinutesPerKm;
  const E = enterprises.length;
  const located = new Uint8Array(E);
  const lat = new Float64Array(E);
  const lng = new Float64Array(E);
  const cosLat = new Float64Array(E);
  for (const e of enterprises) {
    const at = e.source.location;
    if (!at) continue;
    located[e.index] = 1;
    lat[e.index] = at.lat;
    lng[e.index] = at.lng;
    cosLat[e.index] = cosLatitude(at.lat);
  }
  const travel = (a: number, b: number): number => {
    if (a === b || perKm === undefined || located[a] === 0 || located[b] === 0) return 0;
    const km = haversineKm(lat[a] as number, lng[a] as number, cosLat[a] as number, lat[b] as number, lng[b] as number, cosLat[b] as number);
    return Math.ceil(km * perKm);
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
