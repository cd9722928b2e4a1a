/**
 * Staff-aware bounds for `metrics` (docs/bounds.md has the proofs):
 *
 * `priorityUpperBound` — no valid plan schedules more total priority. Per department k, the
 * linear relaxation "each occurrence goes to at most one of its feasible days; on each day the
 * officers' capacity holds" has, for ANY day prices λ ≥ 0, the dual bound
 *     Σ_d λ_d·C_d + Σ_o max(0, p_o − w_o·min_{d ∈ F_o} λ_d).
 * Prices are chosen per run of consecutive days (the whole horizon, 1 week, 1 day): λ = the
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
const RUNS = [0, 7, 1];

interface Resource {
  /** The rows that use the resource: the department's, or those requiring a qualification. */
  rows: Spans;
  /** Per row, its use of the resource. */
  weight: Float64Array;
  /** Per horizon day, the capacity. */
  capacity: Float64Array;
  /** The priority of the department's rows that do not use it (they add to the bound as they are). */
  rest: number;
}

/** What the dual bound reads of each row. */
interface Spans {
  first: Int32Array;
  last: Int32Array;
  priority: Float64Array;
}

/**
 * The candidate occurrences (at least one feasible day) grouped by department, as columns: one
 * pass over the occurrence objects, then only typed arrays (the objects' scattered memory, not
 * the arithmetic, was the cost on tier L).
 */
export interface Table {
  first: Int32Array;
  last: Int32Array;
  priority: Float64Array;
  need: Int32Array;
  minutes: Float64Array;
  enterprise: Int32Array;
  exclusive: Uint8Array;
  /** Qualifications of the rows that require any. */
  qualifications: Map<number, readonly string[]>;
}

/** Rows [from, to) of `t`, as a table of their own (views, no copies). */
function rows(t: Table, from: number, to: number): Table {
  const qualifications = new Map<number, readonly string[]>();
  for (const [i, q] of t.qualifications) if (i >= from && i < to) qualifications.set(i - from, q);
  return {
    first: t.first.subarray(from, to),
    last: t.last.subarray(from, to),
    priority: t.priority.subarray(from, to),
    need: t.need.subarray(from, to),
    minutes: t.minutes.subarray(from, to),
    enterprise: t.enterprise.subarray(from, to),
    exclusive: t.exclusive.subarray(from, to),
    qualifications,
  };
}

/** The candidate occurrences of `P` as a table grouped by department (`start[k]`…`start[k + 1]`). */
export interface Candidates {
  table: Table;
  start: Int32Array;
}

/** The one pass over the occurrence objects both bounds need. */
export function candidatesOf(P: CompiledProblem): Candidates {
  const K = P.departments.length;
  const start = new Int32Array(K + 1);
  for (const o of P.occurrences) if (o.feasible.length > 0) start[o.department + 1] = (start[o.department + 1] as number) + 1;
  for (let k = 0; k < K; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const n = start[K] as number;
  const table: Table = {
    first: new Int32Array(n),
    last: new Int32Array(n),
    priority: new Float64Array(n),
    need: new Int32Array(n),
    minutes: new Float64Array(n),
    enterprise: new Int32Array(n),
    exclusive: new Uint8Array(n),
    qualifications: new Map(),
  };
  const fill = start.slice(0, K);
  for (const o of P.occurrences) {
    if (o.feasible.length === 0) continue;
    const i = fill[o.department] as number;
    fill[o.department] = i + 1;
    table.first[i] = o.feasible[0] as number;
    table.last[i] = o.feasible[o.feasible.length - 1] as number;
    table.priority[i] = o.priority;
    table.need[i] = o.need;
    table.minutes[i] = o.minutes;
    table.enterprise[i] = o.enterprise;
    table.exclusive[i] = o.exclusive ? 1 : 0;
    if (o.qualifications.length > 0) table.qualifications.set(i, o.qualifications);
  }
  return { table, start };
}

/** Upper bound on the total priority any valid plan of `P` schedules. */
export function priorityUpperBound(P: CompiledProblem, candidates: Candidates = candidatesOf(P)): number {
  const { table, start } = candidates;
  const usable = new Uint8Array(P.days);
  for (let d = 0; d < P.days; d++) {
    const day = P.day0 + d;
    if (P.calendar.isWorkingDay(day) && !(P.scenario.policy.makeupWorkdays === 'forbid' && P.calendar.isMakeupWorkday(day))) usable[d] = 1;
  }
  const E = P.enterprises.length;
  let most = 0;
  for (let k = 0; k < P.departments.length; k++) most = Math.max(most, (start[k + 1] as number) - (start[k] as number));
  const scratch: Scratch = {
    count: new Int32Array(E),
    need: new Int32Array(E),
    qualCount: new Int32Array(E),
    density: new Float64Array(most),
    sorted: new Float64Array(most),
    next: new Int32Array(most),
    order: new Int32Array(most),
  };
  let total = 0;
  for (let k = 0; k < P.departments.length; k++) {
    if ((start[k + 1] as number) > (start[k] as number)) total += departmentBound(P, k, rows(table, start[k] as number, start[k + 1] as number), usable, scratch);
  }
  return total;
}

function departmentBound(P: CompiledProblem, k: number, t: Table, usable: Uint8Array, scratch: Scratch): number {
  let best = 0;
  for (let i = 0; i < t.priority.length; i++) best += t.priority[i] as number;
  for (const r of resources(P, k, t, usable, scratch)) {
    const order = byDensity(r.rows.priority, r.weight, scratch);
    for (const run of RUNS) best = Math.min(best, r.rest + dualBound(P.days, r.rows, r, order, run === 0 ? P.days : run));
  }
  return best;
}

/** Officer slots and minutes of department k, and its qualification holders' (see the file comment). */
function resources(P: CompiledProblem, k: number, t: Table, usable: Uint8Array, scratch: Scratch): Resource[] {
  const H = P.days;
  const n = t.priority.length;
  const qualifications: string[] = [];
  for (const qs of t.qualifications.values()) for (const q of qs) if (!qualifications.includes(q)) qualifications.push(q);
  qualifications.sort();
  const Q = qualifications.length;
  // capacities: [slots, minutes, then per qualification the holders' slots and minutes], one pass per officer
  const capacity = Array.from({ length: 2 + 2 * Q }, () => new Float64Array(H));
  const slotCap = capacity[0] as Float64Array;
  const minuteCap = capacity[1] as Float64Array;
  const held: number[] = [];
  for (const i of P.departments[k]?.officers ?? []) {
    const p = P.officers[i];
    if (p === undefined) continue;
    held.length = 0;
    for (let q = 0; q < Q; q++) if (p.qualifications.has(qualifications[q] as string)) held.push(q);
    const available = p.available;
    for (let d = 0; d < H; d++) {
      if (usable[d] !== 1 || available[d] !== 1) continue;
      slotCap[d] = (slotCap[d] as number) + p.maxVisits;
      minuteCap[d] = (minuteCap[d] as number) + p.maxMinutes;
      for (const q of held) {
        const holderSlots = capacity[2 + 2 * q] as Float64Array;
        const holderMinutes = capacity[3 + 2 * q] as Float64Array;
        holderSlots[d] = (holderSlots[d] as number) + p.maxVisits;
        holderMinutes[d] = (holderMinutes[d] as number) + p.maxMinutes;
      }
    }
  }
  // per enterprise: its non-exclusive occurrences of k and the fewest officers among them
  const { count, need, qualCount } = scratch;
  for (let i = 0; i < n; i++) {
    if (t.exclusive[i] === 1) continue;
    const e = t.enterprise[i] as number;
    need[e] = count[e] === 0 ? (t.need[i] as number) : Math.min(need[e] as number, t.need[i] as number);
    count[e] = (count[e] as number) + 1;
  }
  const slots = new Float64Array(n);
  const minutes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = t.enterprise[i] as number;
    slots[i] = t.exclusive[i] === 1 ? (t.need[i] as number) : (need[e] as number) / (count[e] as number);
    minutes[i] = (t.need[i] as number) * (t.minutes[i] as number);
  }
  for (let i = 0; i < n; i++) count[t.enterprise[i] as number] = 0;
  const out: Resource[] = [
    { rows: t, weight: slots, capacity: slotCap, rest: 0 },
    { rows: t, weight: minutes, capacity: minuteCap, rest: 0 },
  ];
  let all = 0;
  for (let i = 0; i < n; i++) all += t.priority[i] as number;
  for (let q = 0; q < Q; q++) {
    const name = qualifications[q] as string;
    const requiring: number[] = [];
    for (const [i, qs] of t.qualifications) if (qs.includes(name)) requiring.push(i);
    const m = requiring.length;
    const rows: Spans = { first: new Int32Array(m), last: new Int32Array(m), priority: new Float64Array(m) };
    const holderSlots = new Float64Array(m);
    const holderMinutes = new Float64Array(m);
    let rest = all;
    for (const i of requiring) if (t.exclusive[i] === 0) qualCount[t.enterprise[i] as number] = (qualCount[t.enterprise[i] as number] as number) + 1;
    requiring.forEach((i, j) => {
      rows.first[j] = t.first[i] as number;
      rows.last[j] = t.last[i] as number;
      rows.priority[j] = t.priority[i] as number;
      rest -= t.priority[i] as number;
      holderSlots[j] = t.exclusive[i] === 1 ? 1 : 1 / (qualCount[t.enterprise[i] as number] as number);
      holderMinutes[j] = t.minutes[i] as number;
    });
    for (const i of requiring) qualCount[t.enterprise[i] as number] = 0;
    out.push({ rows, weight: holderSlots, capacity: capacity[2 + 2 * q] as Float64Array, rest }, { rows, weight: holderMinutes, capacity: capacity[3 + 2 * q] as Float64Array, rest });
  }
  return out;
}

/** Per-enterprise counters, all zero between departments. */
interface Scratch {
  count: Int32Array;
  need: Int32Array;
  qualCount: Int32Array;
  /** Buffers of `byDensity`, as long as the largest department's rows. */
  density: Float64Array;
  sorted: Float64Array;
  next: Int32Array;
  order: Int32Array;
}

/**
 * Occurrence positions by priority per unit of weight, highest first, ties by position (weightless
 * ones first): the densities sorted as numbers, each position placed by binary search (a
 * comparator sort of positions cost several times more on tier L).
 */
function byDensity(priority: Float64Array, weight: Float64Array, scratch: Scratch): Int32Array {
  const n = priority.length;
  const density = scratch.density.subarray(0, n);
  for (let i = 0; i < n; i++) density[i] = (weight[i] as number) > 0 ? -(priority[i] as number) / (weight[i] as number) : -Infinity;
  const sorted = scratch.sorted.subarray(0, n);
  sorted.set(density);
  sorted.sort();
  // next[j]: the next free slot of the run of equal values starting at j
  const next = scratch.next.subarray(0, n);
  for (let j = 0; j < n; j++) next[j] = j;
  const order = scratch.order.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const v = density[i] as number;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    order[next[lo] as number] = i;
    next[lo] = (next[lo] as number) + 1;
  }
  return order;
}

/** The dual bound with one price per run of `length` days (see the file comment). */
function dualBound(H: number, span: Spans, r: Resource, order: Int32Array, length: number): number {
  const R = Math.ceil(H / length);
  const cap = new Float64Array(R);
  for (let d = 0; d < H; d++) {
    const j = (d / length) | 0;
    cap[j] = (cap[j] as number) + (r.capacity[d] as number);
  }
  const used = new Float64Array(R);
  const price = new Float64Array(R);
  const full = new Uint8Array(R);
  const n = order.length;
  for (let at = 0; at < n; at++) {
    const i = order[at] as number;
    const w = r.weight[i] as number;
    if (w === 0) continue;
    const j = ((span.first[i] as number) / length) | 0;
    if (j !== (((span.last[i] as number) / length) | 0) || full[j] === 1) continue;
    if ((used[j] as number) + w <= (cap[j] as number)) used[j] = (used[j] as number) + w;
    else {
      price[j] = (span.priority[i] as number) / w;
      full[j] = 1;
    }
  }
  const min = rangeMin(price);
  let bound = 0;
  for (let j = 0; j < R; j++) bound += (price[j] as number) * (cap[j] as number);
  for (let i = 0; i < n; i++) {
    const p = span.priority[i] as number;
    const w = r.weight[i] as number;
    if (w === 0) {
      bound += p;
      continue;
    }
    const a = ((span.first[i] as number) / length) | 0;
    const b = ((span.last[i] as number) / length) | 0;
    const lambda = a === b ? (price[a] as number) : min(a, b);
    if (p > w * lambda) bound += p - w * lambda;
  }
  // The prices are floating point: a bound a hair below a whole number is that number.
  return Math.floor(bound + 1e-6);
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
export function visitsLowerBound(P: CompiledProblem, target: number, candidates: Candidates = candidatesOf(P)): number {
  if (target <= 0) return 0;
  const t = candidates.table;
  const n = t.priority.length;
  // rows by enterprise (a counting sort)
  const E = P.enterprises.length;
  const from = new Int32Array(E + 1);
  for (let i = 0; i < n; i++) from[(t.enterprise[i] as number) + 1] = (from[(t.enterprise[i] as number) + 1] as number) + 1;
  for (let e = 0; e < E; e++) from[e + 1] = (from[e + 1] as number) + (from[e] as number);
  const fill = from.slice(0, E);
  const byEnterprise = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const e = t.enterprise[i] as number;
    byEnterprise[fill[e] as number] = i;
    fill[e] = (fill[e] as number) + 1;
  }
  // counts of the visit increments by value (increments are whole priorities)
  const counts: number[] = [];
  const family: number[] = [];
  const shared: number[] = [];
  for (let e = 0; e < E; e++) {
    const a = from[e] as number;
    const b = from[e + 1] as number;
    if (b - a === 1) {
      const p = t.priority[byEnterprise[a] as number] as number;
      counts[p] = (counts[p] ?? 0) + 1;
    } else if (b > a) enterpriseIncrements(t, byEnterprise.subarray(a, b), family, shared, counts);
  }
  let visits = 0;
  let reached = 0;
  for (let value = counts.length - 1; value > 0; value--) {
    const c = counts[value];
    if (c === undefined) continue;
    const take = Math.min(c, Math.ceil((target - reached) / value));
    visits += take;
    reached += take * value;
    if (reached >= target) return visits;
  }
  // The target is more than any plan schedules (cannot happen for a valid plan's own priority).
  return visits;
}

/**
 * Counts the increments g(v) − g(v − 1), v = 1, 2, … of one enterprise's rows (see the file
 * comment) in `counts` by value. `family` and `shared` are scratch.
 */
function enterpriseIncrements(t: Table, rowsOf: Int32Array, family: number[], shared: number[], counts: number[]): void {
  let total = 0;
  let single = 0;
  family.length = 0;
  shared.length = 0;
  for (const i of rowsOf) {
    const p = t.priority[i] as number;
    total += p;
    if (t.exclusive[i] === 1) {
      family.push(p);
      if (p > single) single = p;
    } else shared.push(i);
  }
  // pairwise disjoint day ranges among the others, greedily by earliest last day (ties: row order)
  for (let a = 1; a < shared.length; a++) {
    const x = shared[a] as number;
    let b = a - 1;
    while (b >= 0 && ((t.last[shared[b] as number] as number) > (t.last[x] as number) || ((t.last[shared[b] as number] as number) === (t.last[x] as number) && (shared[b] as number) > x))) {
      shared[b + 1] = shared[b] as number;
      b--;
    }
    shared[b + 1] = x;
  }
  let end = -1;
  for (const i of shared) {
    if ((t.first[i] as number) <= end) continue;
    family.push(t.priority[i] as number);
    end = t.last[i] as number;
  }
  // the most priority of ranges meeting on one day: reached on some range's first day
  for (const i of shared) {
    const day = t.first[i] as number;
    let open = 0;
    for (const j of shared) if ((t.first[j] as number) <= day && day <= (t.last[j] as number)) open += t.priority[j] as number;
    if (open > single) single = open;
  }
  // Most first (numbers: an insertion sort gives what the comparator sort gave, without its copy).
  for (let a = 1; a < family.length; a++) {
    const x = family[a] as number;
    let b = a - 1;
    while (b >= 0 && (family[b] as number) < x) {
      family[b + 1] = family[b] as number;
      b--;
    }
    family[b + 1] = x;
  }
  let rest = total;
  for (const p of family) rest -= p;
  let previous = 0;
  let top = 0;
  for (let v = 1; previous < total; v++) {
    top += family[v - 1] ?? 0;
    const g = Math.min(rest + top, v * single, total);
    counts[g - previous] = (counts[g - previous] ?? 0) + 1;
    previous = g;
  }
}

export interface StaffMetrics {
  scheduledPriority: number;
  priorityUpperBound: number;
  visitsLowerBound: number;
}

/**
 * The added metrics of a plan: its scheduled priority and both bounds. `assigned[i]` is −1 for
 * an occurrence of `P` the plan leaves out (`PlanState.assigned`); `keptVisits` are the visits
 * a replan kept as they were (occurrence ids, maybe outside `P`), `visitCount` all the plan's
 * visits. Kept visits need not obey the changed scenario, so with any of them (`clamp`) the
 * bounds are clamped to the plan itself.
 */
export function staffMetricsOf(
  P: CompiledProblem,
  assigned: ArrayLike<number>,
  keptVisits: readonly { occurrenceIds: readonly string[] }[],
  visitCount: number,
  clamp: boolean,
): StaffMetrics {
  let planned = 0;
  const occurrences = P.occurrences;
  for (let i = 0; i < occurrences.length; i++) if (assigned[i] !== -1) planned += (occurrences[i] as COccurrence).priority;
  let kept = 0;
  if (keptVisits.length > 0) {
    const priority = new Map(P.all.map((o) => [o.id, o.request.priority]));
    for (const v of keptVisits) for (const id of v.occurrenceIds) kept += priority.get(id) ?? 0;
  }
  const candidates = candidatesOf(P);
  const scheduledPriority = planned + kept;
  const upper = priorityUpperBound(P, candidates) + kept;
  const lower = visitsLowerBound(P, planned, candidates) + keptVisits.length;
  return {
    scheduledPriority,
    priorityUpperBound: clamp ? Math.max(upper, scheduledPriority) : upper,
    visitsLowerBound: clamp ? Math.min(lower, visitCount) : lower,
  };
}
