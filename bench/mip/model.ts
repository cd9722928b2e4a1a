/**
 * The scenario as a mixed-integer program, for HiGHS (bench/mip/solve.ts).
 *
 *   x[o,d] ∈ {0,1}  occurrence o is scheduled on day d (d among its feasible days, feasible.ts)
 *   y[e,d] ∈ {0,1}  enterprise e gets a visit on day d (so at most one visit per enterprise-day)
 *   z[e,d,k]        department k takes part in that visit (x itself when k has one candidate there)
 *   c[T,d]          the visit on day d counts for cap tally T (x itself when one candidate counts)
 *
 *   Σ_d x[o,d] ≤ 1;  x[o,d] ≤ y[e,d]
 *   per (e,d,k): Σ minutes·x ≤ limit_e·y[e,d]            (each part within the longest allowed visit)
 *   exclusive o: x[o,d] + x[o',d] ≤ y[e,d] for every other o' of e on d
 *   Σ_k z[e,d,k] ≤ maxDepartmentsPerVisit·y[e,d]
 *   caps with history: per tally, Σ c over each calendar period / each rolling window ≤ limit − history
 *   there; two counting events closer than minGapDays: Σ c ≤ 1 over every span of minGapDays days;
 *   days closer than the gap to a history event are removed for counting occurrences
 *   staff, pooled per department and day (a RELAXATION: which officer, times, travel, recusal and
 *   areas across visits are ignored):
 *     Σ_e team[e,d,k] ≤ Σ maxVisitsPerDay of its officers present, team = min·z + extra ≥ need·x
 *     Σ need·minutes·x ≤ Σ maxMinutesPerDay of its officers present
 *
 *   maximise W·Σ priority·x − Σ y,  W = N + 1 (N = occurrences with a feasible day). An optimal
 *   solution never opens an empty visit, so it has at most N visits: one more unit of priority is
 *   always worth more than every visit, and the optimum is lexicographic (priority, then visits).
 */
import { dayFromParts, dayParts, toDay } from '../../src/calendar/index.js';
import type { Scenario } from '../../src/index.js';
import { feasibleInput, type MipInput, type MipOccurrence } from './feasible.js';
import { Expr, LpWriter } from './lp.js';

export interface MipStats {
  /** On-site occurrences of the scenario. */
  onsite: number;
  /** Occurrences with at least one feasible day (after the history gap filter). */
  candidates: number;
  x: number;
  y: number;
  columns: number;
  rows: number;
  lpBytes: number;
}

export interface MipModel {
  lp: string;
  weight: number;
  stats: MipStats;
  /** Scheduled priority and visits of a solution, given each column's value by name. */
  decode(value: (name: string) => number): { priority: number; visits: number };
}

export interface Tally {
  occs: MipOccurrence[];
  history: number[];
  limit: number | undefined;
  gap: number;
  period: 'year' | 'half-year' | 'quarter' | 'month' | number;
}

const SPAN = { year: 12, 'half-year': 6, quarter: 3, month: 1 } as const;

export function buildMip(s: Scenario): MipModel {
  const input = feasibleInput(s);
  const tallies = capTalliesWithGaps(input);
  const occs = input.occurrences.filter((o) => o.days.length > 0);
  const weight = occs.length + 1;
  const lp = new LpWriter();
  const H = input.horizonDays;
  const h0 = input.horizonFrom;

  // x columns, and the cells (enterprise, day) they fall in.
  const xOcc: MipOccurrence[] = [];
  const xDay: number[] = [];
  const xName = new Map<MipOccurrence, string[]>();
  const cells = new Map<number, number[]>();
  for (const o of occs) {
    const names: string[] = [];
    for (const d of o.days) {
      const n = xOcc.length;
      names.push(lp.binary(`x${n}`, weight * o.priority));
      xOcc.push(o);
      xDay.push(d);
      const key = o.enterprise * H + (d - h0);
      const cell = cells.get(key);
      if (cell) cell.push(n);
      else cells.set(key, [n]);
    }
    xName.set(o, names);
    if (names.length > 1) lp.le(names.reduce((e, x) => e.add(1, x), new Expr()), 1);
  }

  // Which department-days the pooled staff could bind on (else those rows are left out).
  const K = input.departments.length;
  const maxTeams = new Float64Array(K * H);
  const maxMinutes = new Float64Array(K * H);
  for (const [key, cell] of cells) {
    const i = key % H;
    for (const [k, members] of byDepartment(cell, xOcc)) {
      maxTeams[k * H + i]! += Math.max(...members.map((n) => xOcc[n]!.need));
      for (const n of members) maxMinutes[k * H + i]! += xOcc[n]!.need * xOcc[n]!.minutes;
    }
  }
  const staffTeams = new Map<number, Expr>();
  const staffMinutes = new Map<number, Expr>();
  const staffRow = (rows: Map<number, Expr>, at: number) => {
    let e = rows.get(at);
    if (!e) rows.set(at, (e = new Expr()));
    return e;
  };

  const maxDepts = s.policy.maxDepartmentsPerVisit ?? Infinity;
  let yCount = 0;
  let aux = 0;
  for (const [key, cell] of cells) {
    const e = Math.floor(key / H);
    const i = key % H;
    const y = lp.binary(`y${yCount++}`, -1);
    for (const n of cell) lp.le(new Expr().add(1, `x${n}`).add(-1, y), 0);
    const limit = input.enterprises[e]!.limit;
    const groups = byDepartment(cell, xOcc);
    const capDepts = groups.size > maxDepts;
    const departments = new Expr();
    for (const [k, members] of groups) {
      if (members.reduce((a, n) => a + xOcc[n]!.minutes, 0) > limit) {
        const row = new Expr();
        for (const n of members) row.add(xOcc[n]!.minutes, `x${n}`);
        lp.le(row.add(-limit, y), 0);
      }
      const teamsBind = maxTeams[k * H + i]! > input.staff.visits[k]![i]!;
      if (teamsBind || capDepts) {
        let z = `x${members[0]}`;
        if (members.length > 1) {
          z = lp.binary(`z${aux++}`, 0);
          for (const n of members) lp.le(new Expr().add(1, `x${n}`).add(-1, z), 0);
        }
        departments.add(1, z);
        if (teamsBind) {
          const row = staffRow(staffTeams, k * H + i);
          const extra = members.filter((n) => xOcc[n]!.need > input.minInspectors);
          if (members.length === 1) {
            row.add(xOcc[members[0]!]!.need, z); // z is that x: its whole team in one term
          } else {
            row.add(input.minInspectors, z);
            if (extra.length === 1) row.add(xOcc[extra[0]!]!.need - input.minInspectors, `x${extra[0]}`);
            else if (extra.length > 1) {
              const top = Math.max(...extra.map((n) => xOcc[n]!.need)) - input.minInspectors;
              const t = lp.continuous(`t${aux++}`, 0, top, 0);
              for (const n of extra) lp.le(new Expr().add(xOcc[n]!.need - input.minInspectors, `x${n}`).add(-1, t), 0);
              row.add(1, t);
            }
          }
        }
      }
      if (maxMinutes[k * H + i]! > input.staff.minutes[k]![i]!) {
        const row = staffRow(staffMinutes, k * H + i);
        for (const n of members) row.add(xOcc[n]!.need * xOcc[n]!.minutes, `x${n}`);
      }
      for (const n of members) {
        if (!xOcc[n]!.exclusive) continue;
        for (const m of cell) if (m !== n) lp.le(new Expr().add(1, `x${n}`).add(1, `x${m}`).add(-1, y), 0);
      }
    }
    if (capDepts) lp.le(departments.add(-maxDepts, y), 0);
  }
  for (const [at, row] of staffTeams) lp.le(row, input.staff.visits[Math.floor(at / H)]![at % H]!);
  for (const [at, row] of staffMinutes) lp.le(row, input.staff.minutes[Math.floor(at / H)]![at % H]!);

  for (const t of tallies) capRows(lp, t, xName, () => `c${aux++}`);

  const text = lp.text();
  return {
    lp: text,
    weight,
    stats: { onsite: input.onsite, candidates: occs.length, x: xOcc.length, y: yCount, columns: lp.columns, rows: lp.constraints, lpBytes: text.length },
    decode(value) {
      let priority = 0;
      const visits = new Set<number>();
      for (let n = 0; n < xOcc.length; n++) {
        if (value(`x${n}`) < 0.5) continue;
        const o = xOcc[n]!;
        priority += o.priority;
        visits.add(o.enterprise * H + (xDay[n]! - h0));
      }
      return { priority, visits: visits.size };
    },
  };
}

function byDepartment(cell: readonly number[], xOcc: readonly MipOccurrence[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const n of cell) {
    const k = xOcc[n]!.department;
    const g = groups.get(k);
    if (g) g.push(n);
    else groups.set(k, [n]);
  }
  return groups;
}

/**
 * The cap tallies of `input`, after removing from each counting occurrence the days closer than
 * the tally's gap to a counting history event (which no plan may use). Changes `input`'s occurrences.
 */
export function capTalliesWithGaps(input: MipInput): Tally[] {
  const tallies = capTallies(input);
  for (const t of tallies) {
    if (t.gap === 0 || t.history.length === 0) continue;
    for (const o of t.occs) o.days = o.days.filter((d) => t.history.every((h) => Math.abs(d - h) >= t.gap));
  }
  return tallies;
}

/** Every cap tally (contract §1.7) with a limit or a gap, with its counting occurrences and history. */
function capTallies(input: MipInput): Tally[] {
  const s = input.scenario;
  const byEnterprise = new Map<number, MipOccurrence[]>();
  for (const o of input.occurrences) {
    const list = byEnterprise.get(o.enterprise);
    if (list) list.push(o);
    else byEnterprise.set(o.enterprise, [o]);
  }
  const entIndex = new Map(input.enterprises.map((e) => [e.id, e.index]));
  const historyOf = new Map<number, Scenario['history']>();
  for (const h of s.history) {
    const e = entIndex.get(h.enterpriseId);
    if (e === undefined) continue;
    const list = historyOf.get(e);
    if (list) list.push(h);
    else historyOf.set(e, [h]);
  }
  const tallies: Tally[] = [];
  for (const cap of s.caps) {
    const gap = cap.minGapDays ?? 0;
    const depts = cap.departmentIds ? new Set(cap.departmentIds) : undefined;
    const bases = new Set<string>(cap.countsBases);
    const period = typeof cap.period === 'string' ? cap.period : cap.period.rollingDays;
    for (const [e, list] of byEnterprise) {
      const grade = input.enterprises[e]!.grade as keyof NonNullable<typeof cap.maxByRiskGrade> | undefined;
      const limit = (grade !== undefined ? cap.maxByRiskGrade?.[grade] : undefined) ?? cap.max;
      if (limit === undefined && gap === 0) continue;
      const counting = list.filter((o) => bases.has(o.basis) && (!depts || depts.has(input.departments[o.department]!)));
      if (counting.length === 0) continue;
      const history = (historyOf.get(e) ?? []).filter((h) => bases.has(h.basis));
      const historyDays = (pred: (dept: string) => boolean) =>
        history.filter((h) => h.departmentIds.some(pred)).map((h) => toDay(h.date)).sort((a, b) => a - b);
      if (cap.per === 'enterprise') {
        tallies.push({ occs: counting, history: historyDays((d) => !depts || depts.has(d)), limit, gap, period });
        continue;
      }
      const perDept = new Map<number, MipOccurrence[]>();
      for (const o of counting) perDept.set(o.department, [...(perDept.get(o.department) ?? []), o]);
      for (const [k, occs] of perDept) {
        tallies.push({ occs, history: historyDays((d) => d === input.departments[k]), limit, gap, period });
      }
    }
  }
  return tallies;
}

/** The limit and gap rows of one tally. */
export function capRows(lp: LpWriter, t: Tally, xName: ReadonlyMap<MipOccurrence, string[]>, auxName: () => string): void {
  const onDay = new Map<number, string[]>();
  for (const o of t.occs) {
    const names = xName.get(o);
    if (!names) continue;
    o.days.forEach((d, j) => onDay.set(d, [...(onDay.get(d) ?? []), names[j]!]));
  }
  if (onDay.size === 0) return;
  const days = [...onDay.keys()].sort((a, b) => a - b);
  const counter = days.map((d) => {
    const xs = onDay.get(d)!;
    if (xs.length === 1) return xs[0]!;
    const c = lp.binary(auxName(), 0);
    for (const x of xs) lp.le(new Expr().add(1, x).add(-1, c), 0);
    return c;
  });
  const sum = (i: number, j: number) => {
    const e = new Expr();
    for (let k = i; k < j; k++) e.add(1, counter[k]!);
    return e;
  };
  const historyIn = (from: number, to: number) => t.history.filter((h) => h >= from && h <= to).length;

  if (t.limit !== undefined) {
    const windows = new Map<string, { i: number; j: number; rhs: number }>();
    const keep = (i: number, j: number, rhs: number) => {
      if (j - i <= rhs) return;
      const key = `${i},${j}`;
      const w = windows.get(key);
      if (!w || rhs < w.rhs) windows.set(key, { i, j, rhs });
    };
    if (typeof t.period === 'number') {
      const n = t.period;
      let i = 0;
      let j = 0;
      for (let start = days[0]! - n + 1; start <= days[days.length - 1]!; start++) {
        while (i < days.length && days[i]! < start) i++;
        while (j < days.length && days[j]! <= start + n - 1) j++;
        keep(i, j, Math.max(0, t.limit - historyIn(start, start + n - 1)));
      }
    } else {
      const span = SPAN[t.period];
      for (let i = 0; i < days.length; ) {
        const { year, month } = dayParts(days[i]!);
        const first = Math.floor((month - 1) / span) * span + 1;
        const from = dayFromParts(year, first, 1);
        const to = dayFromParts(year, first + span, 1) - 1;
        let j = i;
        while (j < days.length && days[j]! <= to) j++;
        keep(i, j, Math.max(0, t.limit - historyIn(from, to)));
        i = j;
      }
    }
    for (const w of windows.values()) lp.le(sum(w.i, w.j), w.rhs);
  }
  if (t.gap > 1) {
    let lastJ = 0;
    for (let i = 0, j = 0; i < days.length; i++) {
      while (j < days.length && days[j]! <= days[i]! + t.gap - 1) j++;
      if (j - i >= 2 && j > lastJ) lp.le(sum(i, j), 1);
      lastJ = Math.max(lastJ, j);
    }
  }
}
