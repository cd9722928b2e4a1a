/**
 * Staff-aware bounds for `metrics` (docs/bounds.md has the proofs):
 *
 * `priorityUpperBound` — no valid plan schedules more total priority. Per department k, the
 * linear relaxation "each occurrence goes to at most one of its feasible days; on each day the
 * officers' capacity holds" has, for ANY day prices λ ≥ 0, the dual bound
 *     Σ_d λ_d·C_d + Σ_o max(0, p_o − w_o·min_{d ∈ F_o} λ_d).
 * Prices are chosen per run of consecutive days (whole horizon, 13, 4, 2 and 1 weeks): λ = the
 * critical density of the fractional knapsack of the occurrences that lie wholly inside the run.
 * The resources (C_d, w_o): officer visit slots (Σ maxVisitsPerDay of officers present; an
 * occurrence weighs the fewest officers its department sends to its enterprise divided by the
 * non-exclusive occurrences it could share a visit with there), officer minutes (Σ
 * maxMinutesPerDay; need × minutes, as every officer is charged the whole visit), and per
 * qualification the holders' slots and minutes. Each department takes the least of these
 * bounds; the plan's bound is their sum (occurrences of one department use only its officers).
 *
 * `visitsLowerBound` — no valid plan scheduling at least the plan's priority has fewer visits.
 * Per enterprise, v visits hold at most g(v) = min(R + the v largest priorities of a family F,
 * v·b) priority, where F = the exclusive occurrences and occurrences with pairwise disjoint
 * day ranges (each needs a visit of its own), R the priority of the others and b the most one
 * visit can hold (an exclusive occurrence, or occurrences whose day ranges meet). g is concave,
 * so the fewest visits reaching the target take the largest increments of all enterprises first.
 */
import type { COccurrence, CompiledProblem } from '../compile/problem.js';

/** Run lengths in days for the prices (0: the whole horizon). */
const RUNS = [0, 91, 28, 14, 7];

interface Resource {
  /** Per occurrence of the department (same order), its use of the resource. */
  weight: Float64Array;
  /** Per horizon day, the capacity. */
  capacity: Float64Array;
}

/** Upper bound on the total priority any valid plan of `P` schedules. */
export function priorityUpperBound(P: CompiledProblem): number {
  const byDepartment: COccurrence[][] = P.departments.map(() => []);
  for (const o of P.occurrences) if (o.feasible.length > 0) (byDepartment[o.department] as COccurrence[]).push(o);
  const usable = new Uint8Array(P.days);
  for (let d = 0; d < P.days; d++) {
    const day = P.day0 + d;
    if (P.calendar.isWorkingDay(day) && !(P.scenario.policy.makeupWorkdays === 'forbid' && P.calendar.isMakeupWorkday(day))) usable[d] = 1;
  }
  let total = 0;
  byDepartment.forEach((occs, k) => {
    if (occs.length > 0) total += departmentBound(P, k, occs, usable);
  });
  return total;
}

function departmentBound(P: CompiledProblem, k: number, occs: readonly COccurrence[], usable: Uint8Array): number {
  let best = 0;
  for (const o of occs) best += o.priority;
  for (const r of resources(P, k, occs, usable)) {
    const order = byDensity(occs, r.weight);
    for (const run of RUNS) best = Math.min(best, dualBound(P.days, occs, r, order, run === 0 ? P.days : run));
  }
  return best;
}

/** Officer slots and minutes of department k, and its qualification holders' (see the file comment). */
function resources(P: CompiledProblem, k: number, occs: readonly COccurrence[], usable: Uint8Array): Resource[] {
  const officers = (P.departments[k]?.officers ?? []).map((i) => P.officers[i]).filter((p) => p !== undefined);
  const capacity = (holds: (q: ReadonlySet<string>) => boolean, field: 'maxVisits' | 'maxMinutes') => {
    const c = new Float64Array(P.days);
    for (const p of officers) {
      if (!holds(p.qualifications)) continue;
      for (let d = 0; d < P.days; d++) if (usable[d] === 1 && p.available[d] === 1) c[d] = (c[d] as number) + p[field];
    }
    return c;
  };
  // per enterprise: non-exclusive occurrences, the fewest officers among them, and per qualification
  const shared = new Map<number, { count: number; need: number; quals: Map<string, number> }>();
  const qualifications = new Set<string>();
  for (const o of occs) {
    for (const q of o.qualifications) qualifications.add(q);
    if (o.exclusive) continue;
    let s = shared.get(o.enterprise);
    if (!s) shared.set(o.enterprise, (s = { count: 0, need: o.need, quals: new Map() }));
    s.count++;
    s.need = Math.min(s.need, o.need);
    for (const q of o.qualifications) s.quals.set(q, (s.quals.get(q) ?? 0) + 1);
  }
  const slots = new Float64Array(occs.length);
  const minutes = new Float64Array(occs.length);
  occs.forEach((o, i) => {
    const s = shared.get(o.enterprise);
    slots[i] = o.exclusive || !s ? o.need : s.need / s.count;
    minutes[i] = o.need * o.minutes;
  });
  const out: Resource[] = [
    { weight: slots, capacity: capacity(() => true, 'maxVisits') },
    { weight: minutes, capacity: capacity(() => true, 'maxMinutes') },
  ];
  for (const q of [...qualifications].sort()) {
    const holderSlots = new Float64Array(occs.length);
    const holderMinutes = new Float64Array(occs.length);
    occs.forEach((o, i) => {
      if (!o.qualifications.includes(q)) return;
      holderSlots[i] = o.exclusive ? 1 : 1 / ((shared.get(o.enterprise) as { quals: Map<string, number> }).quals.get(q) as number);
      holderMinutes[i] = o.minutes;
    });
    const holds = (held: ReadonlySet<string>) => held.has(q);
    out.push({ weight: holderSlots, capacity: capacity(holds, 'maxVisits') }, { weight: holderMinutes, capacity: capacity(holds, 'maxMinutes') });
  }
  return out;
}

/** Occurrence positions by priority per unit of weight, highest first (weightless ones first). */
function byDensity(occs: readonly COccurrence[], weight: Float64Array): Int32Array {
  const density = occs.map((o, i) => ((weight[i] as number) > 0 ? o.priority / (weight[i] as number) : Infinity));
  return Int32Array.from(occs.keys()).sort((a, b) => (density[b] as number) - (density[a] as number) || a - b);
}

/** The dual bound with one price per run of `length` days (see the file comment). */
function dualBound(H: number, occs: readonly COccurrence[], r: Resource, order: Int32Array, length: number): number {
  const R = Math.ceil(H / length);
  const cap = new Float64Array(R);
  for (let d = 0; d < H; d++) cap[Math.floor(d / length)] = (cap[Math.floor(d / length)] as number) + (r.capacity[d] as number);
  const used = new Float64Array(R);
  const price = new Float64Array(R);
  const full = new Uint8Array(R);
  for (const i of order) {
    const o = occs[i] as COccurrence;
    const w = r.weight[i] as number;
    if (w === 0) continue;
    const j = Math.floor((o.feasible[0] as number) / length);
    if (j !== Math.floor((o.feasible[o.feasible.length - 1] as number) / length) || full[j] === 1) continue;
    if ((used[j] as number) + w <= (cap[j] as number)) used[j] = (used[j] as number) + w;
    else {
      price[j] = o.priority / w;
      full[j] = 1;
    }
  }
  const min = rangeMin(price);
  let bound = 0;
  for (let j = 0; j < R; j++) bound += (price[j] as number) * (cap[j] as number);
  occs.forEach((o, i) => {
    const w = r.weight[i] as number;
    if (w === 0) {
      bound += o.priority;
      return;
    }
    const lambda = min(Math.floor((o.feasible[0] as number) / length), Math.floor((o.feasible[o.feasible.length - 1] as number) / length));
    bound += Math.max(0, o.priority - w * lambda);
  });
  // The prices are floating point: round down only what is an integer up to rounding.
  return Math.floor(bound + 1e-7);
}

/** Minimum of `values[a..b]` in O(1) after an O(n log n) table (a sparse table). */
function rangeMin(values: Float64Array): (a: number, b: number) => number {
  const levels: Float64Array[] = [values];
  for (let span = 2; span <= values.length; span *= 2) {
    const prev = levels[levels.length - 1] as Float64Array;
    const next = new Float64Array(values.length - span + 1);
    for (let i = 0; i < next.length; i++) next[i] = Math.min(prev[i] as number, prev[i + span / 2] as number);
    levels.push(next);
  }
  return (a, b) => {
    const level = 31 - Math.clz32(b - a + 1);
    const row = levels[level] as Float64Array;
    return Math.min(row[a] as number, row[b - (1 << level) + 1] as number);
  };
}

/** Lower bound on the visits of any valid plan of `P` that schedules at least `target` priority. */
export function visitsLowerBound(P: CompiledProblem, target: number): number {
  if (target <= 0) return 0;
  // counts of the visit increments by value (increments are whole priorities)
  const counts = new Map<number, number>();
  const add = (value: number) => counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const e of P.enterprises) {
    const occs: COccurrence[] = [];
    for (const i of e.occurrences) {
      const o = P.occurrences[i] as COccurrence;
      if (o.feasible.length > 0) occs.push(o);
    }
    if (occs.length > 0) enterpriseIncrements(occs, add);
  }
  let visits = 0;
  let reached = 0;
  for (const value of [...counts.keys()].sort((a, b) => b - a)) {
    const n = counts.get(value) as number;
    const take = Math.min(n, Math.ceil((target - reached) / value));
    visits += take;
    reached += take * value;
    if (reached >= target) return visits;
  }
  // The target is more than any plan schedules (cannot happen for a valid plan's own priority).
  return visits;
}

/** The increments g(v) − g(v − 1), v = 1, 2, … of one enterprise (see the file comment). */
function enterpriseIncrements(occs: readonly COccurrence[], add: (value: number) => void): void {
  const first = (o: COccurrence) => o.feasible[0] as number;
  const last = (o: COccurrence) => o.feasible[o.feasible.length - 1] as number;
  let total = 0;
  let single = 0;
  const family: number[] = [];
  const shared: COccurrence[] = [];
  for (const o of occs) {
    total += o.priority;
    if (o.exclusive) {
      family.push(o.priority);
      single = Math.max(single, o.priority);
    } else shared.push(o);
  }
  // pairwise disjoint day ranges, greedily by earliest last day
  shared.sort((a, b) => last(a) - last(b) || a.index - b.index);
  let end = -1;
  for (const o of shared) {
    if (first(o) <= end) continue;
    family.push(o.priority);
    end = last(o);
  }
  // the most priority of ranges meeting on one day: a sweep over range ends
  const events: [number, number][] = [];
  for (const o of shared) events.push([first(o), o.priority], [last(o) + 1, -o.priority]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  for (const [, p] of events) {
    open += p;
    single = Math.max(single, open);
  }
  family.sort((a, b) => b - a);
  const rest = total - family.reduce((a, b) => a + b, 0);
  let previous = 0;
  let top = 0;
  for (let v = 1; previous < total; v++) {
    top += family[v - 1] ?? 0;
    const g = Math.min(rest + top, v * single, total);
    add(g - previous);
    previous = g;
  }
}

export interface StaffMetrics {
  scheduledPriority: number;
  priorityUpperBound: number;
  visitsLowerBound: number;
}

/**
 * The added metrics of a plan: its scheduled priority and both bounds. `visits` are the plan's
 * visits made from `P` (occurrence indices); `keptVisits` those a replan kept as they were
 * (occurrence ids, maybe outside `P`), `visitCount` all of them. Kept visits need not obey
 * the changed scenario, so with any of them the bounds are clamped to the plan itself.
 */
export function staffMetricsOf(
  P: CompiledProblem,
  visits: readonly { occurrences: readonly number[] }[],
  keptVisits: readonly { occurrenceIds: readonly string[] }[],
  visitCount: number,
  clamp: boolean,
): StaffMetrics {
  let planned = 0;
  for (const v of visits) for (const i of v.occurrences) planned += (P.occurrences[i] as COccurrence).priority;
  let kept = 0;
  if (keptVisits.length > 0) {
    const priority = new Map(P.all.map((o) => [o.id, o.request.priority]));
    for (const v of keptVisits) for (const id of v.occurrenceIds) kept += priority.get(id) ?? 0;
  }
  const scheduledPriority = planned + kept;
  const upper = priorityUpperBound(P) + kept;
  const lower = visitsLowerBound(P, planned) + keptVisits.length;
  return {
    scheduledPriority,
    priorityUpperBound: clamp ? Math.max(upper, scheduledPriority) : upper,
    visitsLowerBound: clamp ? Math.min(lower, visitCount) : lower,
  };
}
