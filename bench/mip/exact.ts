/**
 * The EXACT model of contract v1 for small scenarios (bench/mip-staff.ts), solved with HiGHS.
 * Unlike bench/mip/model.ts (officers pooled per department and day, a relaxation), every
 * officer is assigned and every visit has a start time, so an optimal solution is a plan the
 * validator accepts (bench/mip-staff.ts checks it with `validatePlan`).
 *
 * Columns, per candidate visit cell c = (enterprise e, day d) and officer p:
 *   x[o,d]   occurrence o is scheduled on day d (d among its feasible days, bench/mip/feasible.ts,
 *            less days a counting history event's gap forbids)
 *   y[c]     enterprise e gets a visit on d (one visit per enterprise and day: rule 3)
 *   z[c,k]   department k takes part (= some x of k in c)
 *   a[c,p]   officer p is in that visit (p of a department with an occurrence in c, present on d:
 *            certificate and availability; area and recusal admit e: rule 7)
 *   L[c]     the visit's length, s[c] its start (integer minutes from midnight)
 *   m[c,p]   minutes charged to p (= L[c] when a[c,p] = 1)
 *   b[c,c']  order of two visits of one day that share a possible officer
 * Rows:
 *   Σ_d x[o,d] ≤ 1;  x ≤ y ≤ Σ x;  x ≤ z ≤ Σ x;  exclusive o alone (x[o] + x[o'] ≤ 1)
 *   Σ_k z ≤ maxDepartmentsPerVisit (rule 5);  L ≥ Σ minutes of k's occurrences, L ≤ min(maxVisitMinutes, day) (rule 6)
 *   dayStart ≤ s, s + L ≤ dayEnd;  a ≤ z;  Σ_{p∈k} a ≥ need_o·x[o] (team size);
 *   Σ_{p∈k holding q} a ≥ x[o] for each qualification q of o (rule 7)
 *   per officer and day: Σ a ≤ maxVisitsPerDay;  m ≥ L − limit·(1 − a), Σ m ≤ maxMinutesPerDay;
 *   two visits both with p: one ends (plus travel, policy.travelMinutesPerKm) before the other starts (rule 8)
 *   caps with history: as in bench/mip/model.ts (rule 9)
 * Objective (contract §3), two solves: (1) maximise Σ priority·x; (2) with Σ priority·x ≥ the
 * optimum of (1), minimise W·Σ y + Σ a, W = (number of a columns) + 1, so fewer visits always
 * win over fewer officers. Rules 1, 2, 4, 5 (areas, whitelist) and 10 (the lead, which is
 * determined) are in the feasible days and in the decoding. Soft wishes (§3 item 5) are left out.
 */
import { formatDay, formatTime, toMinutes } from '../../src/calendar/index.js';
import { travelMinutes } from '../../src/model/derived.js';
import { expandOccurrences, type Scenario } from '../../src/index.js';
import { feasibleInput, type MipOccurrence } from './feasible.js';
import { Expr, LpWriter } from './lp.js';
import { capRows, capTalliesWithGaps } from './model.js';
import { highsRuntime } from './solve.js';

export type ExactStage = { kind: 'priority' } | { kind: 'visits'; priority: number };

export interface ExactVisit {
  enterpriseId: string;
  date: string;
  start: string;
  end: string;
  occurrenceIds: string[];
  inspectorIds: string[];
}

export interface ExactModel {
  lp: string;
  columns: number;
  rows: number;
  /** The visits of a solution, given each column's value by name. */
  decode(value: (name: string) => number): ExactVisit[];
}

interface Cell {
  name: number;
  enterprise: number;
  day: number;
  xs: number[];
}

/** The exact model of `s` for one stage of the lexicographic objective. */
export function buildExact(s: Scenario, stage: ExactStage): ExactModel {
  const input = feasibleInput(s);
  const tallies = capTalliesWithGaps(input);
  const occs = input.occurrences.filter((o) => o.days.length > 0);
  const lp = new LpWriter();
  const H = input.horizonDays;
  const h0 = input.horizonFrom;
  const dayStart = toMinutes(s.calendar.dayStart);
  const dayEnd = toMinutes(s.calendar.dayEnd);
  const dayLen = dayEnd - dayStart;
  const first = stage.kind === 'priority';

  const xOcc: MipOccurrence[] = [];
  const xDay: number[] = [];
  const xName = new Map<MipOccurrence, string[]>();
  const cells = new Map<number, Cell>();
  const priority = new Expr();
  for (const o of occs) {
    const names: string[] = [];
    for (const d of o.days) {
      const n = xOcc.length;
      names.push(lp.binary(`x${n}`, first ? o.priority : 0));
      priority.add(o.priority, `x${n}`);
      xOcc.push(o);
      xDay.push(d);
      const key = o.enterprise * H + (d - h0);
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { name: cells.size, enterprise: o.enterprise, day: d, xs: [] }));
      cell.xs.push(n);
    }
    xName.set(o, names);
    if (names.length > 1) lp.le(names.reduce((e, x) => e.add(1, x), new Expr()), 1);
  }

  // Officer columns first, so that W (the weight of a visit) is known when y is written.
  const eligible = new Map<Cell, number[]>();
  let aCount = 0;
  for (const cell of cells.values()) {
    const ent = input.enterprises[cell.enterprise]!;
    const depts = new Set(cell.xs.map((n) => xOcc[n]!.department));
    const list = input.officers
      .map((p, j) => ({ p, j }))
      .filter(({ p }) => depts.has(p.department) && p.present[cell.day - h0] === 1 && (p.areas === undefined || ent.area === undefined || p.areas.has(ent.area)) && !p.avoid.has(ent.id))
      .map(({ j }) => j);
    eligible.set(cell, list);
    aCount += list.length;
  }
  const W = aCount + 1;
  const maxDepts = s.policy.maxDepartmentsPerVisit ?? Infinity;
  const a = (c: Cell, j: number) => `a${c.name}_${j}`;
  // officer j, day → the cells it may be in
  const officerDays = new Map<string, Cell[]>();

  for (const cell of cells.values()) {
    const c = cell.name;
    const ent = input.enterprises[cell.enterprise]!;
    const y = lp.binary(`y${c}`, first ? 0 : -W);
    const none = new Expr().add(1, y);
    for (const n of cell.xs) {
      lp.le(new Expr().add(1, `x${n}`).add(-1, y), 0);
      none.add(-1, `x${n}`);
    }
    lp.le(none, 0);
    for (const n of cell.xs) {
      if (!xOcc[n]!.exclusive) continue;
      for (const m of cell.xs) if (m > n || (m !== n && !xOcc[m]!.exclusive)) lp.le(new Expr().add(1, `x${n}`).add(1, `x${m}`), 1);
    }
    const L = lp.continuous(`L${c}`, 0, ent.limit, 0);
    const start = lp.integer(`s${c}`, dayStart, dayEnd, 0);
    lp.le(new Expr().add(1, start).add(1, L), dayEnd);
    const groups = new Map<number, number[]>();
    for (const n of cell.xs) groups.set(xOcc[n]!.department, [...(groups.get(xOcc[n]!.department) ?? []), n]);
    const departments = new Expr();
    for (const [k, members] of groups) {
      const z = lp.binary(`z${c}_${k}`, 0);
      departments.add(1, z);
      const part = new Expr().add(-1, L);
      const some = new Expr().add(1, z);
      for (const n of members) {
        lp.le(new Expr().add(1, `x${n}`).add(-1, z), 0);
        part.add(xOcc[n]!.minutes, `x${n}`);
        some.add(-1, `x${n}`);
      }
      lp.le(part, 0);
      lp.le(some, 0);
      const officers = eligible.get(cell)!.filter((j) => input.officers[j]!.department === k);
      for (const j of officers) {
        lp.binary(a(cell, j), first ? 0 : -1);
        lp.le(new Expr().add(1, a(cell, j)).add(-1, z), 0);
        const key = `${j},${cell.day}`;
        officerDays.set(key, [...(officerDays.get(key) ?? []), cell]);
      }
      for (const n of members) {
        const o = xOcc[n]!;
        const team = new Expr();
        for (const j of officers) team.add(1, a(cell, j));
        lp.ge(team.add(-o.need, `x${n}`), 0);
        for (const q of o.qualifications) {
          const holders = new Expr();
          for (const j of officers) if (input.officers[j]!.qualifications.includes(q)) holders.add(1, a(cell, j));
          lp.ge(holders.add(-1, `x${n}`), 0);
        }
      }
    }
    if (groups.size > maxDepts) lp.le(departments, maxDepts);
  }

  // Officer-days: visits, minutes, and no two visits at once (with travel between them).
  const order = new Map<string, string>();
  for (const [key, list] of officerDays) {
    const j = Number(key.split(',')[0]);
    const p = input.officers[j]!;
    if (list.length > p.maxVisits) lp.le(list.reduce((e, cell) => e.add(1, a(cell, j)), new Expr()), p.maxVisits);
    if (list.reduce((t, cell) => t + input.enterprises[cell.enterprise]!.limit, 0) > p.maxMinutes) {
      const sum = new Expr();
      for (const cell of list) {
        const limit = input.enterprises[cell.enterprise]!.limit;
        const m = lp.continuous(`m${cell.name}_${j}`, 0, limit, 0);
        // m ≥ L − limit·(1 − a)
        lp.le(new Expr().add(1, `L${cell.name}`).add(-1, m).add(limit, a(cell, j)), limit);
        sum.add(1, m);
      }
      lp.le(sum, p.maxMinutes);
    }
    if (p.maxVisits < 2 || list.length < 2) continue;
    for (let u = 0; u < list.length; u++) {
      for (let v = u + 1; v < list.length; v++) {
        const c1 = list[u]!;
        const c2 = list[v]!;
        const t = travelMinutes(s.enterprises[c1.enterprise]!, s.enterprises[c2.enterprise]!, s.policy);
        const M = dayLen + t;
        const pair = `${c1.name},${c2.name}`;
        let b = order.get(pair);
        if (!b) order.set(pair, (b = lp.binary(`b${c1.name}_${c2.name}`, 0)));
        // b = 1: c1 first; the rows are void unless p is in both
        lp.le(new Expr().add(1, `s${c1.name}`).add(1, `L${c1.name}`).add(-1, `s${c2.name}`).add(M, b).add(M, a(c1, j)).add(M, a(c2, j)), 3 * M - t);
        lp.le(new Expr().add(1, `s${c2.name}`).add(1, `L${c2.name}`).add(-1, `s${c1.name}`).add(-M, b).add(M, a(c1, j)).add(M, a(c2, j)), 2 * M - t);
      }
    }
  }

  let aux = 0;
  for (const t of tallies) capRows(lp, t, xName, () => `c${aux++}`);
  if (!first) lp.ge(priority, stage.priority);

  return {
    lp: lp.text(),
    columns: lp.columns,
    rows: lp.constraints,
    decode(value) {
      const visits: ExactVisit[] = [];
      for (const cell of cells.values()) {
        if (value(`y${cell.name}`) < 0.5) continue;
        const chosen = cell.xs.filter((n) => value(`x${n}`) > 0.5).map((n) => xOcc[n]!);
        const parts = new Map<number, number>();
        for (const o of chosen) parts.set(o.department, (parts.get(o.department) ?? 0) + o.minutes);
        const length = Math.max(...parts.values());
        const start = Math.round(value(`s${cell.name}`));
        visits.push({
          enterpriseId: input.enterprises[cell.enterprise]!.id,
          date: formatDay(cell.day),
          start: formatTime(start),
          end: formatTime(start + length),
          occurrenceIds: chosen.map((o) => o.id).sort(),
          inspectorIds: eligible.get(cell)!.filter((j) => value(a(cell, j)) > 0.5).map((j) => input.officers[j]!.id),
        });
      }
      return visits;
    },
  };
}

export interface ExactStageResult {
  status: string;
  proven: boolean;
  visits?: ExactVisit[];
  /** Best proven bound on the stage's objective (maximisation). */
  bound?: number;
  objective?: number;
  columns: number;
  rows: number;
  solveMs: number;
}

/** Solves one stage with HiGHS within `timeLimitSec`. */
export async function solveExactStage(s: Scenario, stage: ExactStage, timeLimitSec: number): Promise<ExactStageResult> {
  const model = buildExact(s, stage);
  const highs = await highsRuntime();
  const statusName = new Map(Object.entries(highs.constants.modelStatus).map(([name, code]) => [code as number, name]));
  const t0 = performance.now();
  return highs.withModel({ format: 'lp', data: model.lp }, (m) => {
    m.options.set({ output_flag: false, time_limit: timeLimitSec, mip_rel_gap: 0, mip_abs_gap: 1e-6 });
    m.run();
    const status = statusName.get(m.getModelStatus()) ?? 'unknown';
    const result: ExactStageResult = { status, proven: status === 'optimal', columns: model.columns, rows: model.rows, solveMs: performance.now() - t0 };
    if (Number(m.info.get('primal_solution_status')) === 2) {
      const values = m.getSolution().colValue;
      const byName = new Map<string, number>();
      for (let i = 0; i < values.length; i++) byName.set(m.getColName(i), values[i]!);
      result.visits = model.decode((name) => byName.get(name) ?? 0);
      result.objective = m.getObjectiveValue();
    }
    const bound = status === 'optimal' ? m.getObjectiveValue() : Number(m.info.get('mip_dual_bound'));
    if (Number.isFinite(bound)) result.bound = bound;
    return result;
  });
}

/** A contract v1 plan of the exact model's visits (leads by rule 10; the rest unscheduled), for `validatePlan`. */
export function exactPlan(s: Scenario, visits: readonly ExactVisit[]): Record<string, unknown> {
  const items = new Map(s.items.map((it) => [it.id, it]));
  const deptOrder = new Map(s.departments.map((d, i) => [d.id, i]));
  const occurrences = expandOccurrences(s);
  const byId = new Map(occurrences.map((o) => [o.id, o]));
  const placed = new Set(visits.flatMap((v) => v.occurrenceIds));
  const sorted = [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.enterpriseId < b.enterpriseId ? -1 : 1));
  const offsite: { occurrenceId: string }[] = [];
  const unscheduled: { occurrenceId: string; reasons: { code: string; message: string }[] }[] = [];
  for (const o of occurrences) {
    if (placed.has(o.id)) continue;
    if (!o.request.onsite && o.request.itemIds.every((id) => items.get(id)?.offsite)) offsite.push({ occurrenceId: o.id });
    else unscheduled.push({ occurrenceId: o.id, reasons: [{ code: 'STAFF_CAPACITY', message: 'not in the exact optimum' }] });
  }
  const planVisits = sorted.map((v, i) => {
    const parts = new Map<string, number>();
    for (const id of v.occurrenceIds) {
      const r = byId.get(id)!.request;
      parts.set(r.departmentId, (parts.get(r.departmentId) ?? 0) + r.itemIds.reduce((t, it) => t + items.get(it)!.durationMinutes, 0));
    }
    const departmentIds = [...parts.keys()].sort((a, b) => deptOrder.get(a)! - deptOrder.get(b)!);
    const regulator = s.enterprises.find((e) => e.id === v.enterpriseId)?.leadDepartmentId;
    let lead = departmentIds[0]!;
    for (const d of departmentIds) if (parts.get(d)! > parts.get(lead)!) lead = d;
    if (regulator !== undefined && parts.has(regulator)) lead = regulator;
    return { id: `V${i + 1}`, ...v, departmentIds, leadDepartmentId: lead };
  });
  return { version: 1, visits: planVisits, offsite, unscheduled, warnings: [], meta: { engine: 'exact-mip', engineVersion: '1', seed: 0, elapsedMs: 0 } };
}
