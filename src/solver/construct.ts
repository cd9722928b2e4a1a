/**
 * Construction: group each enterprise's occurrences, then date and staff the groups, most
 * important first and, within a priority, the most constrained first. A group that fits on no
 * day gives up its least important member (which is retried later) until it fits.
 */
import type { CCap, CEnterprise, COccurrence, CompiledProblem } from '../compile/problem.js';
import { mixKey } from '../util/random.js';
import { sumByDepartment } from './department-sums.js';
import { groupEnterprise, type Group } from './grouping.js';
import { calendarPeriod } from '../compile/caps.js';
import { dayList, type Evaluation, type Placement, type PlanState } from './state.js';

/**
 * A score per candidate day, lower is better, ordered as: the demand the enterprise's other
 * unplaced occurrences have for the day (1/|their days| each, so a visit leaves the days others
 * depend on free — one visit per enterprise per day), then no make-up day (under "avoid"), then
 * preferred dates, then the departments' load that day, then a seeded draw. The demand must be
 * in the state's day scratch (`demand`).
 */
function scoreDays(state: PlanState, occurrences: readonly number[], days: readonly number[]): Float64Array {
  // Written into the state's score scratch: the caller reads them before the next call.
  const scores = state.scoreScratch(days.length);
  const P = state.P;
  const avoid = P.scenario.policy.makeupWorkdays === 'avoid';
  const depts: number[] = [];
  let anyPreferred = false;
  for (const i of occurrences) {
    const o = P.occurrences[i] as COccurrence;
    if (!depts.includes(o.department)) depts.push(o.department);
    if (o.preferred.size > 0) anyPreferred = true;
  }
  const demand = state.dayScratch;
  const eh = state.enterpriseHash[(P.occurrences[occurrences[0] as number] as COccurrence).enterprise] as number;
  for (let k = 0; k < days.length; k++) {
    const d = days[k] as number;
    let preferred = 0;
    if (anyPreferred) for (const i of occurrences) if ((P.occurrences[i] as COccurrence).preferred.has(d)) preferred++;
    let load = 0;
    for (const dep of depts) load += state.deptDayLoad[dep * P.days + d] as number;
    const need = Math.round((demand[d] as number) * 1000);
    const makeup = avoid ? (P.makeup[d] as number) : 0;
    scores[k] = ((need * 2 + makeup) * 64 + (63 - Math.min(preferred, 63))) * 65536 + Math.min(load, 65535) + mixKey(eh, d, 1);
  }
  return scores;
}

/**
 * Sums the demand of the enterprise's other unplaced occurrences per day into the state's
 * all-zero day scratch (see `scoreDays`), or (`clear`) zeroes it again: once per placement
 * sought, however many times its days are scored (evaluations change no demand).
 */
function demand(state: PlanState, occurrences: readonly number[], clear: boolean): void {
  const P = state.P;
  const sum = state.dayScratch;
  const others = (P.enterprises[(P.occurrences[occurrences[0] as number] as COccurrence).enterprise] as CEnterprise).occurrences;
  for (const i of others) {
    if (state.assigned[i] !== -1 || occurrences.includes(i)) continue;
    const f = (P.occurrences[i] as COccurrence).feasible;
    if (clear) {
      for (let j = 0; j < f.length; j++) sum[f[j] as number] = 0;
    } else {
      const share = 1 / f.length;
      for (let j = 0; j < f.length; j++) (sum[f[j] as number] as number) += share;
    }
  }
}

/** Days scored at first for a long window. */
const DAY_SAMPLE = 48;

/** Candidate days for a set of occurrences, best first (see `scoreDays`). */
export function rankDays(state: PlanState, occurrences: readonly number[], days: readonly number[]): number[] {
  demand(state, occurrences, false);
  const scores = scoreDays(state, occurrences, days);
  demand(state, occurrences, true);
  const order = Array.from(days.keys()).sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
  return order.map((k) => days[k] as number);
}

/**
 * The best placement of these occurrences on one of `days`, or undefined. `only`, when given,
 * lists day ranges (pairs) outside which the caller knows every day fails: those days are
 * passed over without an evaluation, in the same order, so the result is the same.
 */
export function placeBest(state: PlanState, occurrences: readonly number[], days: readonly number[], only?: readonly number[], capsChecked = false): Placement | undefined {
  if (days.length === 0) return undefined;
  // A cap refusing every day (most of what cannot be placed where caps bind): known without
  // scoring a day or staffing a visit — every day's evaluation would fail at that cap.
  // (`capsChecked`: the caller has just asked that of these occurrences and days, in this state.)
  if (!capsChecked && state.tallies.capsRefuseAll(occurrences, days)) return undefined;
  demand(state, occurrences, false);
  roomNeeds(state, occurrences);
  const placed = placeScored(state, occurrences, days, only);
  demand(state, occurrences, true);
  return placed;
}

/**
 * What the visit of `occurrences` asks of each department's officers (`evaluate` works it out
 * the same way): its length (the longest department's minutes) and per department the team
 * size. Kept for `tryDay`'s room check; `roomLength` −1 when its composition fails anyway.
 */
function roomNeeds(state: PlanState, occurrences: readonly number[]): void {
  const P = state.P;
  roomLength = -1;
  if (occurrences.length > 1) for (const i of occurrences) if ((P.occurrences[i] as COccurrence).exclusive) return;
  roomLength = sumByDepartment(P, occurrences, roomDepartments, roomMinutes, roomNeed);
}
const roomDepartments: number[] = [];
const roomNeed: number[] = [];
const roomMinutes: number[] = [];
let roomLength = -1;

/**
 * Whether some department of the visit has fewer officers with room for it that day than its
 * team needs: then `evaluate` fails that day whatever else it checks first (its staffing asks
 * the same room table before anything else), so the day can be passed over — where staff binds,
 * most days of most windows are such days. Passing over a failing day never changes which day
 * is the first that works.
 */
function roomShort(state: PlanState, enterprise: number, day: number): boolean {
  if (roomLength < 0) return false;
  const booked = state.booked;
  for (let k = 0; k < roomDepartments.length; k++) if (booked.roomFor(roomDepartments[k] as number, day, roomLength, enterprise) < (roomNeed[k] as number)) return true;
  return false;
}

function placeScored(state: PlanState, occurrences: readonly number[], days: readonly number[], only: readonly number[] | undefined): Placement | undefined {
  const dead: number[] = [];
  if (days.length > DAY_SAMPLE) {
    // A long window: first the best of an evenly spread sample of its days (and every
    // preferred one); all of them only if that day does not work.
    const P = state.P;
    const step = days.length / DAY_SAMPLE;
    const sample: number[] = [];
    for (let k = 0; k < DAY_SAMPLE; k++) sample.push(days[Math.floor(k * step)] as number);
    for (const i of occurrences) for (const d of (P.occurrences[i] as COccurrence).preferred) if (days.includes(d) && !sample.includes(d)) sample.push(d);
    const scores = scoreDays(state, occurrences, sample);
    let best = 0;
    for (let k = 1; k < sample.length; k++) if ((scores[k] as number) < (scores[best] as number)) best = k;
    const placed = tryDay(state, occurrences, sample[best] as number, dead, only);
    if (placed) return placed;
  }
  const scores = scoreDays(state, occurrences, days);
  // Usually the best day works: find it in one pass, and sort only when it does not.
  let best = 0;
  for (let k = 1; k < days.length; k++) if ((scores[k] as number) < (scores[best] as number)) best = k;
  const first = tryDay(state, occurrences, days[best] as number, dead, only);
  if (first) return first;
  // Then the others by score (ties by position): the next few found by a scan, as one of them
  // usually works; the rest sorted once. A day tried has its score (scratch) set to Infinity.
  scores[best] = Infinity;
  let tried = 1;
  for (let step = 0; step < LAZY_STEPS && tried < days.length; step++) {
    let next = -1;
    for (let k = 0; k < days.length; k++) {
      if ((scores[k] as number) === Infinity) continue;
      if (next < 0 || (scores[k] as number) < (scores[next] as number)) next = k;
    }
    scores[next] = Infinity;
    tried++;
    const placed = tryDay(state, occurrences, days[next] as number, dead, only);
    if (placed) return placed;
  }
  if (tried >= days.length) return undefined;
  // The rest in the order of (score, position), taken from a binary heap one at a time: where
  // staff binds most of them are tried and fail, and a heap of typed arrays costs far less than
  // sorting them with a comparator; where one soon works, the rest is never ordered.
  const n0 = days.length;
  if (heapKeys.length < n0) {
    heapKeys = new Float64Array(2 * n0);
    heapAt = new Int32Array(2 * n0);
  }
  const keys = heapKeys;
  const at = heapAt;
  let n = 0;
  const enterprise = (state.P.occurrences[occurrences[0] as number] as COccurrence).enterprise;
  for (let k = 0; k < days.length; k++) {
    // (A day without the room is passed over by `tryDay` anyway: not even ordered.)
    if ((scores[k] as number) === Infinity || roomShort(state, enterprise, days[k] as number)) continue;
    keys[n] = scores[k] as number;
    at[n++] = k;
  }
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(keys, at, n, i);
  while (n > 0) {
    const k = at[0] as number;
    n--;
    keys[0] = keys[n] as number;
    at[0] = at[n] as number;
    siftDown(keys, at, n, 0);
    // (Its room was checked when the heap was filled; evaluations change nothing.)
    const placed = tryDay(state, occurrences, days[k] as number, dead, only, true);
    if (placed) return placed;
  }
  return undefined;
}

/** Scratch heap of `placeScored` (scores and day positions; not re-entered: evaluations score no days). */
let heapKeys = new Float64Array(0);
let heapAt = new Int32Array(0);

/** Restores the min-heap order by (key, position) below slot `i` of the first `n` slots. */
function siftDown(keys: Float64Array, at: Int32Array, n: number, i: number): void {
  const key = keys[i] as number;
  const pos = at[i] as number;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    const r = c + 1;
    if (r < n && ((keys[r] as number) < (keys[c] as number) || ((keys[r] as number) === (keys[c] as number) && (at[r] as number) < (at[c] as number)))) c = r;
    const ck = keys[c] as number;
    if (ck > key || (ck === key && (at[c] as number) > pos)) break;
    keys[i] = ck;
    at[i] = at[c] as number;
    i = c;
  }
  keys[i] = key;
  at[i] = pos;
}

/** One day of `placeBest`: passed over when known to fail, else evaluated (a refusal may rule out more days). */
function tryDay(state: PlanState, occurrences: readonly number[], day: number, dead: number[], only: readonly number[] | undefined, roomKnown = false): Placement | undefined {
  if (isDead(dead, day) || (only !== undefined && !isDead(only, day))) return undefined;
  if (!roomKnown && roomShort(state, (state.P.occurrences[occurrences[0] as number] as COccurrence).enterprise, day)) return undefined;
  const e = state.evaluate(occurrences, day);
  if (e.ok) return e.placement;
  refused(state, e, day, dead);
  return undefined;
}

/** Days after the best found by a scan rather than a sort (see `placeBest`). */
const LAZY_STEPS = 6;

/**
 * Notes the days a failed evaluation rules out beyond its own: a cap counted per calendar
 * period (without a minimum gap) that refused the visit on `day` refuses it on every day of
 * that period, as nothing changes while one placement is sought. `dead` holds horizon-day
 * ranges as pairs.
 */
function refused(state: PlanState, e: Evaluation, day: number, dead: number[]): void {
  if (e.ok || e.failure.kind !== 'cap') return;
  const cap = state.P.caps[e.failure.cap] as CCap;
  if (cap.period === 'rolling' || cap.minGapDays > 0) return;
  const [from, to] = calendarPeriod(cap.period, state.P.day0 + day);
  dead.push(from - state.P.day0, to - state.P.day0);
}

function isDead(dead: readonly number[], day: number): boolean {
  for (let i = 0; i < dead.length; i += 2) if (day >= (dead[i] as number) && day <= (dead[i + 1] as number)) return true;
  return false;
}

export function groupAll(P: CompiledProblem, joint: boolean): Group[] {
  const groups: Group[] = [];
  for (const e of P.enterprises) groups.push(...groupEnterprise(P, e.occurrences, { joint }));
  return groups;
}

export function construct(state: PlanState): void {
  const P = state.P;
  const groups = groupAll(P, true);
  const weight = new Map(groups.map((g) => [g, Math.max(...g.occurrences.map((i) => (P.occurrences[i] as COccurrence).priority))]));
  const w = (g: Group) => weight.get(g) as number;
  groups.sort((a, b) => w(b) - w(a) || a.days.length - b.days.length || (a.occurrences[0] as number) - (b.occurrences[0] as number));
  for (const g of groups) {
    let members = [...g.occurrences];
    while (members.length > 0) {
      let days = g.days;
      if (members.length < g.occurrences.length) {
        days = dayList((P.occurrences[members[0] as number] as COccurrence).feasible).filter((d) =>
          members.every((i) => (P.occurrences[i] as COccurrence).feasible.includes(d)),
        );
      }
      const placement = placeBest(state, members, days);
      if (placement) {
        state.commit(placement);
        break;
      }
      if (members.length === 1) break;
      // Drop the least important member (the longest on ties); it is retried on its own later.
      members.sort((a, b) => {
        const x = P.occurrences[a] as COccurrence;
        const y = P.occurrences[b] as COccurrence;
        return y.priority - x.priority || x.minutes - y.minutes || a - b;
      });
      members.pop();
      members.sort((a, b) => a - b);
    }
  }
}
