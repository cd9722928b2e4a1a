/**
 * The officers of the staff-bound regime (docs/scenario-generator.md, "Regimes"): fewer
 * officer-days on site than the year's load needs, so that officers, not caps or windows, are
 * what leaves occurrences unscheduled. Enterprises, requests, caps and history are those of the
 * normal scenario; only the officers differ.
 *
 * A department's officers go out in pairs. Each pair is on site on k weekdays a month (the
 * k-th weekdays spread evenly over the month, written as the `unavailableRule` of the other
 * weekdays; make-up working days are office days too) and takes at most v visits a day
 * (`maxVisitsPerDay`: the rest of a field day goes to work outside the plan). A department is
 * sized in visit slots — `STAFF_BOUND_SLACK` (per tier) × the two-person visits its load needs at full
 * use (3 visits or 360 minutes an officer-day) — and each pair's k (4–8) and v (1–3) are chosen
 * to match its share of them, so staff binds in S (one pair per department) as in L (a hundred
 * pairs at SAMR). Qualifications are held by few, a third of the officers of larger
 * departments cover one or two areas, and leave, recusal (回避) and expiring certificates take
 * officers out where they are needed.
 */
import type { Random } from '../../src/util/random.js';
import type { AreaDef } from './areas.js';
import type { YearCalendar } from './calendar.js';
import { DEPARTMENT_IDS } from './departments.js';
import { between, certificate, pad, personName, weightedIndex } from './draw.js';
import { D, DEPT_QUALS } from './indexed.js';
import type { Tier } from './tiers.js';
import type { DateRangeJson, InspectorJson, RequestJson } from './types.js';

/**
 * Visit slots = STAFF_BOUND_SLACK × the two-person visits the load needs at full use, per tier:
 * calibrated so that 10–20% of the on-site occurrences end STAFF_CAPACITY or DISPLACED (small
 * tiers leave more slots unused: few pairs, short windows, one pair per department in S).
 */
export const STAFF_BOUND_SLACK: Record<Tier, number> = { demo: 0.95, S: 0.75, M: 1.15, L: 1.0, XL: 1.0 };
/** A pair's field days a month: at least one a week, so that short windows meet one; at most two a week. */
const MIN_FIELD_DAYS = 4;
const MAX_FIELD_DAYS = 8;
/** At most this many duty weeks a year for a pair: the finer adjustment of its slots. */
const MAX_DUTY_WEEKS = 12;
/** Weekday positions in a month the field days are spread over (every month has at least 20 weekdays; 21 spreads them evenly). */
const POSITIONS = 21;
/** Holders of a qualification: this many times the officers its share of the load needs. */
const QUAL_FACTOR = 1.2;
const AREA_LIMITED_SHARE = 0.35;
const LEAVE_SHARE = 0.15;
const AVOID_SHARE = 0.05;

export interface StaffLoad {
  /** Person-minutes on site per department. */
  minutes: Float64Array;
  /** Person-visits per department. */
  visits: Float64Array;
  /** Person-minutes per department and area (index d × areas + a). */
  area: Float64Array;
  /** Team-minutes needing each of the department's qualifications (DEPT_QUALS order). */
  qual: readonly Float64Array[];
}

export interface StaffContext {
  tier: Tier;
  cal: YearCalendar;
  areaDefs: readonly AreaDef[];
  admits: readonly Uint8Array[];
  requests: readonly RequestJson[];
  load: StaffLoad;
}

/** `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=…`: every weekday of the month but the field positions. */
function officeRule(field: ReadonlySet<number>): string {
  const office: number[] = [];
  for (let p = 1; p <= 23; p++) if (!field.has(p)) office.push(p);
  return `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=${office.join(',')}`;
}

/** Field days a month k and visits a day v: the smallest product k × v of at least `slots` (ties: more days), or the most. */
function fieldDays(slots: number): [number, number] {
  let best: [number, number] = [MAX_FIELD_DAYS, 3];
  for (let v = 1; v <= 3; v++) {
    for (let k = MAX_FIELD_DAYS; k >= MIN_FIELD_DAYS; k--) {
      if (k * v >= slots && k * v < best[0] * best[1]) best = [k, v];
    }
  }
  return best;
}

/** `weeks` Monday–Friday ranges spread evenly over the year from a random offset. */
function dutyWeeks(r: Random, cal: YearCalendar, weeks: number): DateRangeJson[] {
  const ranges: DateRangeJson[] = [];
  if (weeks === 0) return ranges;
  let monday = 0;
  while ((monday + cal.first + 3) % 7 !== 0) monday++;
  const step = Math.floor((cal.length - monday) / 7) / weeks;
  const offset = r.next() * step;
  for (let i = 0; i < weeks; i++) {
    const from = monday + 7 * Math.floor(offset + i * step);
    if (from + 4 < cal.length) ranges.push({ from: cal.dates[from]!, to: cal.dates[from + 4]! });
  }
  return ranges;
}

/** The staff-bound officers of every department, ids and numbering as in the other regimes. */
export function staffBoundInspectors(rInsp: Random, ctx: StaffContext): InspectorJson[] {
  const { cal, areaDefs, admits, requests, load } = ctx;
  const A = areaDefs.length;
  const inspectors: InspectorJson[] = [];
  // Make-up working days (调休) are office days too: without this every officer would be free on them.
  const makeup: DateRangeJson[] = [];
  for (let day = 0; day < cal.length; day++) if (cal.makeup[day] === 1) makeup.push({ from: cal.dates[day]!, to: cal.dates[day]! });
  let certSerial = 0;
  for (let d = 0; d < D; d++) {
    const r = rInsp.fork(DEPARTMENT_IDS[d]!);
    const deptId = DEPARTMENT_IDS[d]!;
    // visit slots a month the department gets, and how its pairs share them
    const needDays = Math.max(load.minutes[d]! / 360, load.visits[d]! / 3);
    const slots = (needDays * 3 * STAFF_BOUND_SLACK[ctx.tier]) / 2 / 12;
    const pairs = Math.max(1, Math.ceil(slots / (MAX_FIELD_DAYS * 3)));
    const count = 2 * pairs;
    const start = r.int(POSITIONS);
    const pairRule: string[] = [];
    const pairVisits: number[] = [];
    const pairDuty: DateRangeJson[][] = [];
    let remaining = slots;
    for (let p = 0; p < pairs; p++) {
      const want = remaining / (pairs - p);
      const [k, v] = fieldDays(want);
      // the slots k × v gives beyond `want` go to duty weeks (值班、培训) of the pair
      const weeks = Math.min(MAX_DUTY_WEEKS, Math.max(0, Math.round((1 - want / (k * v)) * 52)));
      remaining -= k * v * (1 - weeks / 52);
      const offset = (start + p * 7) % POSITIONS;
      const field = new Set<number>();
      for (let i = 0; i < k; i++) field.add(1 + ((offset + Math.floor((i * POSITIONS) / k)) % POSITIONS));
      pairRule.push(officeRule(field));
      pairVisits.push(v);
      pairDuty.push(dutyWeeks(r, cal, weeks));
    }

    // qualifications: holders in proportion to the qualified share of the load
    const quals = DEPT_QUALS[d]!;
    const holders: Array<Set<number>> = quals.map((_, q) => {
      const share = load.minutes[d]! > 0 ? (2 * load.qual[d]![q]!) / load.minutes[d]! : 0;
      const want = Math.min(count, Math.max(1, Math.ceil(count * share * QUAL_FACTOR)));
      return new Set(r.shuffle(Array.from({ length: count }, (_, i) => i)).slice(0, want));
    });
    const jurisdiction = areaDefs.map((_, a) => a).filter((a) => admits[d]![a] === 1);
    const restrictAreas = count >= 4 && jurisdiction.length >= 2;
    const deptAreaLoad = jurisdiction.map((a) => load.area[d * A + a]! + 1);
    const deptRequests = requests.filter((q) => q.departmentId === deptId);

    let pairAreas: string[] | undefined;
    for (let j = 0; j < count; j++) {
      certSerial++;
      const insp: InspectorJson = {
        id: `I-${deptId}-${pad(j + 1, 4)}`,
        name: personName(r),
        departmentId: deptId,
        certificate: certificate(r, cal, false, `豫G-${deptId}-${pad(certSerial, 6)}`),
      };
      const q = quals.filter((_, k) => holders[k]!.has(j));
      if (q.length > 0) insp.qualifications = q;
      // a pair covers its areas together: the first of the two draws them
      if (j % 2 === 0) {
        pairAreas = undefined;
        if (restrictAreas && r.next() < AREA_LIMITED_SHARE) {
          const first = jurisdiction[weightedIndex(r, deptAreaLoad)]!;
          const second = jurisdiction[weightedIndex(r, deptAreaLoad)]!;
          const areas = r.next() < 0.4 && second !== first ? [first, second] : [first];
          pairAreas = areas.sort((a, b) => a - b).map((a) => areaDefs[a]!.code);
        }
      }
      if (pairAreas) insp.areas = [...pairAreas];
      const unavailable = [...makeup, ...pairDuty[j >> 1]!];
      if (r.next() < LEAVE_SHARE) {
        const n = 1 + r.int(2);
        for (let k = 0; k < n; k++) {
          const from = r.int(cal.length - 7);
          const to = Math.min(cal.length - 1, from + between(r, 6, 29));
          unavailable.push({ from: cal.dates[from]!, to: cal.dates[to]! });
        }
      }
      if (unavailable.length > 0) insp.unavailable = unavailable.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      insp.unavailableRule = pairRule[j >> 1]!;
      if (pairVisits[j >> 1] !== 3) insp.maxVisitsPerDay = pairVisits[j >> 1]!;
      if (r.next() < 0.05) insp.maxMinutesPerDay = 240;
      if (r.next() < AVOID_SHARE && deptRequests.length > 0) {
        const avoid = new Set<string>();
        const n = 1 + r.int(3);
        for (let tries = 0; tries < 50 && avoid.size < n; tries++) avoid.add(r.pick(deptRequests).enterpriseId);
        insp.avoid = [...avoid].sort();
      }
      inspectors.push(insp);
    }
  }
  return inspectors;
}
