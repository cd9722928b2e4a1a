/**
 * Seeded, realistic scenario generator (contract v1 §1). Every random choice comes from
 * `createRandom(seed)` through labelled forks, one per section, so the same options give
 * byte-identical JSON. The regime (bench/generator/regimes.ts) decides what binds: `ample` and
 * `staff-bound` change only the inspectors (and `ample` the departments' jurisdictions);
 * `cap-bound` adds recurring programmes, caps and history (programmes.ts) to the normal scenario.
 */
import { createRandom, type Random } from '../../src/util/random.js';
import { HONGQI_STREETS, XINXIANG_AREAS, type AreaDef } from './areas.js';
import { buildYearCalendar, monthEnd, monthStart } from './calendar.js';
import { DEPARTMENTS, DEPARTMENT_IDS, INDUSTRY_WORDS, ITEMS, LEAD_BY_TAG, SECOND_TAG, TAGS, TAG_SHARE, departmentName, type Tag } from './departments.js';
import { between, certificate, gauss, pad, personName, poisson, round5, weighted, weightedIndex } from './draw.js';
import {
  COMMON_DEPT_WEIGHTS,
  D,
  DEPT_INDEX,
  DEPT_ITEMS,
  DEPT_QUALS,
  RISKY_TAGS,
  TAG_DEPT_WEIGHTS,
  tagMask,
  type EntMeta,
  type ItemInfo,
} from './indexed.js';
import { BRAND_FIRST, BRAND_SECOND, SURNAMES } from './names.js';
import { addProgrammes, PROGRAMME_CAPS, programmeHistory, type ProgrammeContext } from './programmes.js';
import { isRegime, type Regime } from './regimes.js';
import { staffBoundInspectors } from './staff-bound.js';
import { tierSizes, type Tier } from './tiers.js';
import type {
  Basis,
  CapJson,
  DateRangeJson,
  DepartmentJson,
  EnterpriseJson,
  HistoryJson,
  InspectorJson,
  ItemJson,
  QuietPeriodJson,
  RequestJson,
  RiskGrade,
  ScenarioJson,
  TriggeredBasis,
} from './types.js';

export interface GenerateOptions {
  tier: Tier;
  /** Default 0. Also written to `policy.seed`. */
  seed?: number;
  /** What binds; default `normal`. See regimes.ts. */
  regime?: Regime;
  /** Same as `regime: 'ample'`: many more officers, no office days, expiring certificates, leave, area limits or recusals. */
  ampleStaff?: boolean;
  /** The horizon is this whole calendar year. Default 2026. */
  year?: number;
}

// ---------------------------------------------------------------------------------------
// Knobs (documented in docs/scenario-generator.md)

/** Minutes of a field day an officer can spend on site (6 h of the 8 h day), in up to 3 visits. */
const ONSITE_MINUTES_PER_DAY = 360;
/**
 * Field days: weekdays each officer of the normal variant spends on site. The other three are
 * office days (case handling, paperwork, training, duty), written as the officer's weekly
 * `unavailableRule`; officers go out in pairs, and the department's pairs rotate over the week.
 */
const FIELD_DAYS_PER_WEEK = 2;
const FIELD_SHARE = FIELD_DAYS_PER_WEEK / 5;
/**
 * Normal officers per department = SLACK × the officers the year's on-site load needs on
 * field days alone. Calibrated so that staff binds for a few per cent of on-site occurrences
 * (seasonal peaks, small departments, qualifications), see docs/scenario-generator.md.
 */
const SLACK = 1.15;
/**
 * `ampleStaff`: AMPLE_FACTOR × the need at these usable shares of every working day (20% of
 * the on-site minutes, 40% of the 3 visit slots), with no office days. This was the normal
 * sizing before field days; it is kept so that ample scenarios stay as they were.
 */
const AMPLE_EFFICIENCY = 0.2;
const AMPLE_VISIT_EFFICIENCY = 0.4;
const AMPLE_FACTOR = 4;
const MIN_OFFICERS = 4;
const MIN_OFFICERS_AMPLE = 8;
/** Expected occurrences per request, used only to size the first pass (a top-up pass fixes the total). */
const OCCURRENCES_PER_REQUEST = 1.13;
/** Share of requests with a triggered basis (whitelisted enterprises: WHITELIST_TRIGGERED). */
const TRIGGERED_SHARE = 0.1;
const WHITELIST_TRIGGERED = 0.5;
/** Share of planned requests that recur (≈5% of all requests; HRSS never recurs). */
const RECURRING_SHARE = 0.063;

const GRADES: readonly RiskGrade[] = ['A', 'B', 'C', 'D'];
/** Risk-grade shares A/B/C/D (domain.md rule 7); risky trades lean to C/D. */
const GRADE_SHARE = [15, 45, 30, 10];
const GRADE_SHARE_RISKY = [5, 35, 40, 20];
/** How much more often a grade is inspected. */
const GRADE_LOAD = [0.45, 0.85, 1.25, 2.2];
/** Probability of being whitelisted, by grade (≈2% overall; only good credit gets listed). */
const WHITELIST_BY_GRADE = [0.08, 0.018, 0, 0];

const PLANNED: ReadonlyArray<[Basis, number]> = [
  ['routine', 0.5],
  ['random', 0.38],
  ['special', 0.12],
];
const TRIGGERED: ReadonlyArray<[TriggeredBasis, number]> = [
  ['complaint', 0.3],
  ['referral', 0.1],
  ['data-clue', 0.15],
  ['enterprise-request', 0.1],
  ['licensing', 0.15],
  ['recheck', 0.15],
  ['emergency', 0.05],
];
/** Window length in days [min, max] of triggered requests. */
const TRIGGERED_WINDOW: Record<TriggeredBasis, [number, number]> = {
  complaint: [7, 15],
  referral: [10, 30],
  'data-clue': [7, 20],
  'enterprise-request': [5, 15],
  licensing: [10, 20],
  recheck: [15, 30],
  emergency: [1, 3],
};
const TRIGGERED_PRIORITY: Record<TriggeredBasis, number> = {
  complaint: 4,
  referral: 4,
  'data-clue': 3,
  'enterprise-request': 3,
  licensing: 3,
  recheck: 3,
  emergency: 5,
};
const TRIGGERED_BASES: TriggeredBasis[] = TRIGGERED.map(([b]) => b);
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR'];
const FIRST_TEN_RULE = 'FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10';
const FIRST_TWENTY_RULE = 'FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20';

function isTriggered(basis: Basis): boolean {
  return basis !== 'routine' && basis !== 'random' && basis !== 'special';
}

// ---------------------------------------------------------------------------------------

interface AreaQuiet {
  /** Days 1..quietUntil of every month are quiet; 0 = never quiet. */
  until: number;
  /** Whether `special` is exempt (planned bases are otherwise not exempt; triggered always are). */
  specialExempt: boolean;
}

export function generateScenario(options: GenerateOptions): ScenarioJson {
  const size = tierSizes[options.tier];
  if (!size) throw new RangeError(`unknown tier ${String(options.tier)}`);
  const seed = options.seed ?? 0;
  const year = options.year ?? 2026;
  if (options.regime !== undefined && !isRegime(options.regime)) throw new RangeError(`unknown regime ${String(options.regime)}`);
  if (options.ampleStaff === true && options.regime !== undefined && options.regime !== 'ample') {
    throw new RangeError(`ampleStaff contradicts regime ${options.regime}`);
  }
  const regime: Regime = options.regime ?? (options.ampleStaff === true ? 'ample' : 'normal');
  const ample = regime === 'ample';
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError('seed must be a non-negative safe integer');
  if (!Number.isInteger(year) || year < 1971 || year > 9998) throw new RangeError('year must be an integer in 1971..9998');

  const cal = buildYearCalendar(year);
  const prevCal = buildYearCalendar(year - 1);
  const root = createRandom(seed);
  const rEnt = root.fork('enterprises');
  const rReq = root.fork('requests');
  const rInsp = root.fork('inspectors');
  const rHist = root.fork('history');

  // ---- areas, departments, items ---------------------------------------------------
  const areaDefs: AreaDef[] =
    options.tier === 'demo'
      ? HONGQI_STREETS.slice(0, size.areas)
      : options.tier === 'S'
        ? XINXIANG_AREAS.filter((a) => ['410702', '410711', '410721'].includes(a.code)).slice(0, size.areas)
        : XINXIANG_AREAS.slice(0, size.areas);
  const A = areaDefs.length;
  const areaWeights = areaDefs.map((a) => a.weight);

  // Territorial jurisdiction: AGRI and NATRES cover only the counties in tiers that model it.
  const admits: Uint8Array[] = DEPARTMENTS.map((def) =>
    Uint8Array.from(areaDefs, (a) => (size.departmentAreas && def.countiesOnly && a.urban ? 0 : 1)),
  );
  const district = options.tier === 'demo';
  const prefix = district ? '新乡市红旗区' : '新乡市';
  const departments: DepartmentJson[] = DEPARTMENTS.map((def, d) => {
    const dep: DepartmentJson = { id: def.id, name: departmentName(def, prefix, district) };
    const a = admits[d]!;
    if (!ample && a.some((v) => v === 0)) dep.areas = areaDefs.filter((_, i) => a[i] === 1).map((x) => x.code);
    return dep;
  });
  const items: ItemJson[] = [];
  for (const id of DEPARTMENT_IDS) {
    for (const def of ITEMS[id]) {
      const item: ItemJson = { id: `${id}-${def.suffix}`, departmentId: id, name: def.name, durationMinutes: def.duration };
      if (def.qualifications) item.qualifications = [...def.qualifications];
      if (def.offsite) item.offsite = true;
      item.field = def.field;
      item.legalBasis = def.legalBasis;
      items.push(item);
    }
  }

  // ---- calendar and quiet periods --------------------------------------------------
  const quiet: AreaQuiet[] = areaDefs.map(() => ({ until: 0, specialExempt: false }));
  const quietPeriods: QuietPeriodJson[] = [];
  {
    // One city in Henan lets routine inspections in only late in the month (domain.md rule 10).
    const firstTen = options.tier === 'demo' ? [0] : options.tier === 'S' ? [2] : [4, 10];
    const codes = firstTen.filter((i) => i < A);
    for (const i of codes) quiet[i] = { until: 10, specialExempt: false };
    quietPeriods.push({ id: 'q-first-ten', rule: FIRST_TEN_RULE, areas: codes.map((i) => areaDefs[i]!.code) });
    if (size.quietPeriods > 1 && A > 7) {
      quiet[7] = { until: 20, specialExempt: true };
      quietPeriods.push({
        id: 'q-last-ten-only',
        rule: FIRST_TWENTY_RULE,
        areas: [areaDefs[7]!.code],
        exemptBases: [...TRIGGERED_BASES, 'special'],
      });
    }
  }

  // ---- enterprises -------------------------------------------------------------------
  const N = size.enterprises;
  const entWidth = Math.max(6, String(N).length);
  const enterprises: EnterpriseJson[] = new Array<EnterpriseJson>(N);
  const meta: EntMeta[] = new Array<EntMeta>(N);
  const urbanShares = TAGS.map((t) => TAG_SHARE[t][0]);
  const countyShares = TAGS.map((t) => TAG_SHARE[t][1]);
  let totalWeight = 0;
  let maxWeight = 0;
  for (let i = 0; i < N; i++) {
    const r = rEnt;
    const area = weightedIndex(r, areaWeights);
    const ad = areaDefs[area]!;
    const primary = TAGS[weightedIndex(r, ad.urban ? urbanShares : countyShares)]!;
    const tags: Tag[] = [primary];
    const second = SECOND_TAG[primary];
    if (second && r.next() < second[1]) tags.push(second[0]);
    const mask = tagMask(tags);
    const risky = (mask & RISKY_TAGS) !== 0;
    const grade = weightedIndex(r, risky ? GRADE_SHARE_RISKY : GRADE_SHARE);
    const whitelisted = r.next() < WHITELIST_BY_GRADE[grade]!;

    const ent: EnterpriseJson = {
      id: `E${pad(i + 1, entWidth)}`,
      name: enterpriseName(r, primary, ad),
      area: ad.code,
      location: {
        lat: round5(ad.lat + gauss(r) * ad.spread),
        lng: round5(ad.lng + (gauss(r) * ad.spread) / 0.816),
      },
      riskGrade: GRADES[grade]!,
    };
    if (whitelisted) ent.whitelisted = true;
    const lead = DEPT_INDEX.get(LEAD_BY_TAG[primary])!;
    if (r.next() < 0.9 && admits[lead]![area] === 1) ent.leadDepartmentId = DEPARTMENT_IDS[lead];

    const unavailable: number[] = [];
    if (r.next() < 0.015) {
      const ranges: DateRangeJson[] = [];
      const count = 1 + r.int(2);
      for (let k = 0; k < count; k++) {
        const from = r.int(cal.length - 5);
        const to = Math.min(cal.length - 1, from + between(r, 4, 20));
        unavailable.push(from, to);
        ranges.push({ from: cal.dates[from]!, to: cal.dates[to]! });
      }
      ent.unavailable = ranges;
    }
    let unavailableWeekday = 0;
    if (r.next() < 0.01) {
      unavailableWeekday = r.next() < 0.6 ? 1 : 5;
      ent.unavailableRule = `FREQ=WEEKLY;BYDAY=${WEEKDAY_CODES[unavailableWeekday - 1]}`;
    }
    let maxVisit = 0;
    if (r.next() < 0.05) {
      maxVisit = r.pick([120, 150, 180, 240]);
      ent.maxVisitMinutes = maxVisit;
    }
    ent.tags = tags;
    enterprises[i] = ent;

    const weight =
      GRADE_LOAD[grade]! * (risky ? 1.3 : 1) * (whitelisted ? 0.4 : 1) * (0.35 + 1.3 * r.next());
    totalWeight += weight;
    if (weight > maxWeight) maxWeight = weight;
    meta[i] = { area, tags: mask, grade, whitelisted, weight, unavailable, unavailableWeekday, maxVisit };
  }

  function deptWeights(e: number): Float64Array {
    const m = meta[e]!;
    const w = Float64Array.from(COMMON_DEPT_WEIGHTS);
    for (let t = 0; t < TAGS.length; t++) {
      if ((m.tags & (1 << t)) === 0) continue;
      const tw = TAG_DEPT_WEIGHTS[t]!;
      for (let d = 0; d < D; d++) w[d] = w[d]! + tw[d]!;
    }
    const lead = enterprises[e]!.leadDepartmentId;
    if (lead !== undefined) {
      const l = DEPT_INDEX.get(lead)!;
      w[l] = w[l]! * 1.3 + 0.3;
    }
    for (let d = 0; d < D; d++) if (admits[d]![m.area] === 0) w[d] = 0;
    return w;
  }

  // ---- requests ----------------------------------------------------------------------
  const requests: RequestJson[] = [];
  let occurrences = 0;
  const loadMinutes = new Float64Array(D); // person-minutes on site
  const loadVisits = new Float64Array(D); // person-visits
  const areaLoad = new Float64Array(D * A); // person-minutes by area
  const qualLoad: Float64Array[] = DEPT_QUALS.map((q) => new Float64Array(q.length)); // team-minutes needing q
  const reqWidth = Math.max(6, String(Math.ceil(size.targetOccurrences * 1.1)).length);
  const eligibleDays: number[] = [];

  /** Working, non-make-up days of [from, to] a visit for `basis` at enterprise `e` could use. */
  function collectEligible(e: number, basis: Basis, from: number, to: number): number[] {
    eligibleDays.length = 0;
    const m = meta[e]!;
    const q = quiet[m.area]!;
    const quietApplies = q.until > 0 && !isTriggered(basis) && !(basis === 'special' && q.specialExempt);
    for (let day = from; day <= to; day++) {
      if (cal.working[day] !== 1 || cal.makeup[day] === 1) continue;
      if (quietApplies && cal.dayOfMonth[day]! <= q.until) continue;
      if (m.unavailableWeekday !== 0 && (day + cal.first + 3) % 7 === m.unavailableWeekday - 1) continue;
      let blocked = false;
      for (let k = 0; k < m.unavailable.length; k += 2) {
        if (day >= m.unavailable[k]! && day <= m.unavailable[k + 1]!) blocked = true;
      }
      if (!blocked) eligibleDays.push(day);
    }
    return eligibleDays;
  }

  function makeRequest(e: number, d: number): void {
    const r = rReq;
    const m = meta[e]!;
    const deptId = DEPARTMENT_IDS[d]!;
    const ent = enterprises[e]!;
    const req: RequestJson = {
      id: `R${pad(requests.length + 1, reqWidth)}`,
      departmentId: deptId,
      enterpriseId: ent.id,
      itemIds: [],
      window: { from: '', to: '' },
    };

    // basis
    const triggered = r.next() < (m.whitelisted ? WHITELIST_TRIGGERED : TRIGGERED_SHARE);
    let basis: Basis = triggered ? weighted(r, TRIGGERED) : weighted(r, PLANNED);

    // items: 1–3 of the department's items that apply to this kind of enterprise
    const all = DEPT_ITEMS[d]!;
    let pool = all.filter((it) => it.tagMask === 0 || (it.tagMask & m.tags) !== 0);
    if (pool.length === 0) pool = all.slice();
    const want = r.next() < 0.55 ? 1 : r.next() < 0.73 ? 2 : 3;
    const limit = Math.min(180, m.maxVisit > 0 ? m.maxVisit : 180);
    let duration = 0;
    let allOffsite = true;
    let hazmat = false;
    const chosen: ItemInfo[] = [];
    while (chosen.length < want && pool.length > 0) {
      const k = weightedIndex(r, pool.map((it) => (it.offsite ? 0.3 : 1)));
      const it = pool[k]!;
      pool.splice(k, 1);
      if (duration + it.duration > limit) continue;
      chosen.push(it);
      duration += it.duration;
      if (!it.offsite) allOffsite = false;
      if (it.hazmat) hazmat = true;
    }
    if (chosen.length === 0) {
      // Every applicable item is longer than the limit: take the shortest one anyway.
      const shortest = all.reduce((a, b) => (b.duration < a.duration ? b : a));
      chosen.push(shortest);
      duration = shortest.duration;
      allOffsite = shortest.offsite;
    }
    chosen.sort((a, b) => (a.id < b.id ? -1 : 1));
    req.itemIds = chosen.map((it) => it.id);

    // window and recurrence
    let occ = 1;
    let from: number;
    let to: number;
    const recurring = !triggered && r.next() < RECURRING_SHARE && deptId !== 'HRSS';
    if (recurring) {
      let kind = weighted(r, [
        ['quarterly', 50],
        ['half-year', 20],
        ['bimonthly', 10],
        ['monthly-campaign', 12],
        ['biweekly', 8],
      ] as const);
      if (deptId === 'HEALTH' || deptId === 'ENV' || (deptId === 'EMERG' && m.grade === 0)) kind = 'half-year';
      if (kind === 'biweekly' && !['FIRE', 'HOUSING', 'TRANS', 'EMERG'].includes(deptId)) kind = 'quarterly';
      if (kind === 'quarterly') {
        const m0 = weighted(r, [[1, 7], [4, 2], [7, 1]] as const);
        from = monthStart(cal, m0);
        to = cal.length - 1;
        occ = Math.floor((12 - m0) / 3) + 1;
        req.recurrence = 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1';
        basis = 'routine';
      } else if (kind === 'half-year') {
        from = 0;
        to = cal.length - 1;
        occ = 2;
        req.recurrence = 'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=1';
        basis = 'routine';
      } else if (kind === 'bimonthly') {
        const m0 = r.next() < 0.7 ? 1 : 3;
        from = monthStart(cal, m0);
        to = cal.length - 1;
        occ = Math.floor((12 - m0) / 2) + 1;
        req.recurrence = 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1';
        basis = 'routine';
      } else if (kind === 'monthly-campaign') {
        // monthly during one of the department's campaigns (falls back to quarterly for one-month campaigns)
        const [m1, m2] = r.pick(DEPARTMENTS[d]!.campaigns);
        if (m2 > m1) {
          from = monthStart(cal, m1);
          to = monthEnd(cal, m2);
          occ = m2 - m1 + 1;
          req.recurrence = 'FREQ=MONTHLY;BYMONTHDAY=1';
          basis = 'special';
        } else {
          from = 0;
          to = cal.length - 1;
          occ = 4;
          req.recurrence = 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1';
          basis = 'routine';
        }
      } else {
        // every other Monday for 6 or 8 weeks from the first Monday of one of the department's campaigns
        const [m1] = r.pick(DEPARTMENTS[d]!.campaigns);
        let start = monthStart(cal, m1);
        while ((start + cal.first + 3) % 7 !== 0) start++;
        const weeks = r.next() < 0.5 ? 6 : 8;
        from = start;
        to = Math.min(cal.length - 1, start + weeks * 7 - 1);
        occ = Math.floor((to - from) / 14) + 1;
        req.recurrence = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO';
        basis = 'special';
      }
    } else if (isTriggered(basis)) {
      const [lo, hi] = TRIGGERED_WINDOW[basis as TriggeredBasis];
      from = r.pick(cal.ordinaryWorkingDays);
      to = Math.min(cal.length - 1, from + between(r, lo, hi) - 1);
    } else if (basis === 'routine') {
      const x = r.next();
      if (x < 0.4) {
        from = 0;
        to = cal.length - 1;
      } else if (x < 0.7) {
        const h = r.int(2);
        from = monthStart(cal, 1 + 6 * h);
        to = monthEnd(cal, 6 + 6 * h);
      } else {
        const q = r.int(4);
        from = monthStart(cal, 1 + 3 * q);
        to = monthEnd(cal, 3 + 3 * q);
      }
    } else if (basis === 'random') {
      if (r.next() < 0.7) {
        const q = r.int(4);
        from = monthStart(cal, 1 + 3 * q);
        to = monthEnd(cal, 3 + 3 * q);
      } else {
        const mo = between(r, 1, 12);
        from = monthStart(cal, mo);
        to = monthEnd(cal, mo);
      }
    } else {
      const [m1, m2] = r.pick(DEPARTMENTS[d]!.campaigns);
      from = monthStart(cal, m1);
      to = monthEnd(cal, m2);
    }
    req.window = { from: cal.dates[from]!, to: cal.dates[to]! };
    if (basis !== 'routine') req.basis = basis;

    // priority
    let priority = isTriggered(basis)
      ? TRIGGERED_PRIORITY[basis as TriggeredBasis]
      : basis === 'routine'
        ? r.next() < 0.2 ? 2 : 1
        : basis === 'random'
          ? 2
          : r.next() < 0.5 ? 2 : 3;
    if (!isTriggered(basis) && m.grade === 3) priority += 1;
    if (priority > 1) req.priority = priority;

    // team size, exclusivity, on-site
    const threeChance = basis === 'emergency' ? 0.3 : hazmat ? 0.15 : 0.03;
    const team = r.next() < threeChance ? 3 : 2;
    if (team === 3) req.inspectors = 3;
    const exclusiveChance =
      basis === 'emergency' ? 0.4 : basis === 'complaint' ? 0.15 : basis === 'random' ? 0.03 : basis === 'special' ? 0.02 : 0;
    if (exclusiveChance > 0 && r.next() < exclusiveChance) req.exclusive = true;
    let onsiteNeeded = !allOffsite;
    if (allOffsite && (basis === 'licensing' || (isTriggered(basis) && basis !== 'data-clue'))) {
      req.onsite = true;
      onsiteNeeded = true;
    }

    // fixed and preferred dates (single-occurrence requests only)
    if (!recurring) {
      const fixedChance = basis === 'licensing' ? 0.1 : 0.008;
      const preferredChance = basis === 'enterprise-request' ? 0.5 : 0.08;
      const wantFixed = r.next() < fixedChance;
      const wantPreferred = !wantFixed && r.next() < preferredChance;
      if (wantFixed || wantPreferred) {
        const days = collectEligible(e, basis, from, to);
        if (days.length > 0) {
          if (wantFixed) {
            req.fixedDate = cal.dates[r.pick(days)]!;
          } else {
            const count = Math.min(days.length, 1 + r.int(3));
            const picked = new Set<number>();
            while (picked.size < count) picked.add(r.pick(days));
            req.preferredDates = [...picked].sort((a, b) => a - b).map((x) => cal.dates[x]!);
          }
        }
      }
    }

    requests.push(req);
    occurrences += occ;
    if (onsiteNeeded) addLoad(e, d, duration, team, occ, chosen);
  }

  /** Adds an on-site request's load (all its occurrences) to what the officers are sized for. */
  function addLoad(e: number, d: number, duration: number, team: number, occ: number, chosen: readonly ItemInfo[]): void {
    const minutes = duration * team * occ;
    loadMinutes[d] = loadMinutes[d]! + minutes;
    loadVisits[d] = loadVisits[d]! + team * occ;
    areaLoad[d * A + meta[e]!.area] = areaLoad[d * A + meta[e]!.area]! + minutes;
    for (const it of chosen) {
      if (it.qual >= 0) qualLoad[d]![it.qual] = qualLoad[d]![it.qual]! + duration * occ;
    }
  }

  // First pass: a Poisson number of requests per enterprise, spread over distinct departments.
  const scale = (size.targetOccurrences * 0.97) / OCCURRENCES_PER_REQUEST / totalWeight;
  for (let e = 0; e < N && occurrences < size.targetOccurrences; e++) {
    const n = poisson(rReq, meta[e]!.weight * scale);
    if (n === 0) continue;
    const w = deptWeights(e);
    const remaining = Float64Array.from(w);
    for (let k = 0; k < n; k++) {
      let d = weightedIndex(rReq, remaining);
      if (d < 0) d = weightedIndex(rReq, w); // more requests than departments: repeat one
      if (d < 0) break;
      remaining[d] = 0;
      makeRequest(e, d);
    }
  }
  // Top-up: further requests at enterprises drawn by weight until the target is reached.
  while (occurrences < size.targetOccurrences) {
    const e = rReq.int(N);
    if (rReq.next() * maxWeight > meta[e]!.weight) continue;
    const d = weightedIndex(rReq, deptWeights(e));
    if (d >= 0) makeRequest(e, d);
  }

  // The cap-bound regime's programmes come after the normal requests, from a fork of their own.
  const layer: ProgrammeContext = {
    cal,
    prevCal,
    enterprises,
    meta,
    admits,
    requests,
    reqWidth,
    targetOccurrences: size.targetOccurrences,
    deptWeights,
    addLoad,
  };
  if (regime === 'cap-bound') occurrences += addProgrammes(root.fork('programmes'), layer);

  // ---- inspectors --------------------------------------------------------------------
  const workingDays = cal.working.reduce((s, v) => s + v, 0);
  const inspectors: InspectorJson[] = [];
  if (regime === 'staff-bound') {
    const load = { minutes: loadMinutes, visits: loadVisits, area: areaLoad, qual: qualLoad };
    inspectors.push(...staffBoundInspectors(rInsp, { tier: options.tier, cal, areaDefs, admits, requests, load }));
  } else {
    let certSerial = 0;
    for (let d = 0; d < D; d++) {
      const r = rInsp.fork(DEPARTMENT_IDS[d]!);
      const deptId = DEPARTMENT_IDS[d]!;
      // what one officer can take on in a year: on-site minutes (capacity) and visits (3 a day)
      const capacity = workingDays * ONSITE_MINUTES_PER_DAY * (ample ? AMPLE_EFFICIENCY : FIELD_SHARE);
      const need = Math.max(loadMinutes[d]! / capacity, loadVisits[d]! / (workingDays * 3 * (ample ? AMPLE_VISIT_EFFICIENCY : FIELD_SHARE)));
      const factor = ample ? AMPLE_FACTOR : SLACK;
      const count = Math.max(ample ? MIN_OFFICERS_AMPLE : MIN_OFFICERS, Math.ceil(need * factor));
      // pair p of the normal variant is on site on weekdays (fieldStart + p) and (fieldStart + p + 2), mod 5
      const fieldStart = ample ? 0 : r.int(5);

      // who holds which qualification
      const quals = DEPT_QUALS[d]!;
      const holders: Array<Set<number>> = quals.map((_, q) => {
        const qNeed = qualLoad[d]![q]! / capacity;
        const want = Math.min(count, Math.max(ample ? 4 : 2, Math.ceil(qNeed * factor * 1.5)));
        const order = r.shuffle(Array.from({ length: count }, (_, i) => i));
        return new Set(order.slice(0, want));
      });

      const jurisdiction = areaDefs.map((_, a) => a).filter((a) => admits[d]![a] === 1);
      const restrictAreas = !ample && count >= 8 && jurisdiction.length >= 3;
      const deptAreaLoad = jurisdiction.map((a) => areaLoad[d * A + a]! + 1);

      for (let j = 0; j < count; j++) {
        certSerial++;
        const insp: InspectorJson = {
          id: `I-${deptId}-${pad(j + 1, 4)}`,
          name: personName(r),
          departmentId: deptId,
          certificate: certificate(r, cal, ample, `豫G-${deptId}-${pad(certSerial, 6)}`),
        };
        const q = quals.filter((_, k) => holders[k]!.has(j));
        if (q.length > 0) insp.qualifications = q;
        if (restrictAreas && r.next() < 0.25) {
          const first = jurisdiction[weightedIndex(r, deptAreaLoad)]!;
          const areas = [first];
          if (r.next() < 0.4) {
            const second = jurisdiction[weightedIndex(r, deptAreaLoad)]!;
            if (second !== first) areas.push(second);
          }
          areas.sort((a, b) => a - b);
          insp.areas = areas.map((a) => areaDefs[a]!.code);
        }
        if (!ample && r.next() < 0.05) {
          const ranges: DateRangeJson[] = [];
          const n = 1 + r.int(2);
          for (let k = 0; k < n; k++) {
            const from = r.int(cal.length - 3);
            const to = Math.min(cal.length - 1, from + between(r, 2, 13));
            ranges.push({ from: cal.dates[from]!, to: cal.dates[to]! });
          }
          ranges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
          insp.unavailable = ranges;
        }
        if (!ample) {
          const k = (fieldStart + Math.floor(j / 2)) % 5;
          insp.unavailableRule = `FREQ=WEEKLY;BYDAY=${WEEKDAY_CODES.filter((_, w) => w !== k && w !== (k + 2) % 5).join(',')}`;
        }
        if (r.next() < 0.1) insp.maxVisitsPerDay = 4;
        if (!ample && r.next() < 0.02) insp.maxMinutesPerDay = 240;
        if (!ample && r.next() < 0.015 && requests.length > 0) {
          const avoid = new Set<string>();
          const n = 1 + r.int(2);
          for (let tries = 0; tries < 2000 && avoid.size < n; tries++) {
            const req = requests[r.int(requests.length)]!;
            if (req.departmentId === deptId) avoid.add(req.enterpriseId);
          }
          if (avoid.size > 0) insp.avoid = [...avoid].sort();
        }
        inspectors.push(insp);
      }
    }
  }

  // ---- caps (published examples, domain.md rule 5) ----------------------------------
  const caps: CapJson[] = [
    { id: 'health-2-per-year', departmentIds: ['HEALTH'], per: 'enterprise-department', period: 'year', max: 2 },
    { id: 'env-2-per-year', departmentIds: ['ENV'], per: 'enterprise-department', period: 'year', max: 2 },
    {
      id: 'emerg-by-risk-grade',
      departmentIds: ['EMERG'],
      per: 'enterprise-department',
      period: 'year',
      maxByRiskGrade: { A: 2, B: 4, C: 6, D: 4 },
    },
    { id: 'hrss-1-per-year', departmentIds: ['HRSS'], per: 'enterprise-department', period: 'year', max: 1 },
    { id: 'enterprise-4-per-half-year', per: 'enterprise', period: 'half-year', max: 4 },
    { id: 'enterprise-2-per-30-days', per: 'enterprise', period: { rollingDays: 30 }, max: 2 },
    {
      id: 'samr-gap-15-days',
      departmentIds: ['SAMR'],
      per: 'enterprise-department',
      period: 'year',
      minGapDays: 15,
      countsBases: ['routine', 'random', 'special'],
    },
  ];
  if (regime === 'cap-bound') caps.push(...(JSON.parse(JSON.stringify(PROGRAMME_CAPS)) as CapJson[]));

  // ---- history: inspections of the past year and of the first weeks of this one -----
  const history: HistoryJson[] = [];
  const early = cal.ordinaryWorkingDays.filter((day) => day < 45);
  const prevDays = prevCal.ordinaryWorkingDays;
  const historyCount = Math.round(N * size.historyPerEnterprise);
  for (let k = 0; k < historyCount; k++) {
    const e = rHist.int(N);
    const date =
      rHist.next() < 0.7 || early.length === 0 ? prevCal.dates[rHist.pick(prevDays)]! : cal.dates[rHist.pick(early)]!;
    const w = deptWeights(e);
    const nd = rHist.next() < 0.8 ? 1 : rHist.next() < 0.75 ? 2 : 3;
    const deps: number[] = [];
    for (let j = 0; j < nd; j++) {
      const d = weightedIndex(rHist, w);
      if (d < 0) break;
      w[d] = 0;
      deps.push(d);
    }
    if (deps.length === 0) continue;
    deps.sort((a, b) => a - b);
    const entry: HistoryJson = { enterpriseId: enterprises[e]!.id, date, departmentIds: deps.map((d) => DEPARTMENT_IDS[d]!) };
    const basis = weighted(rHist, [
      ['routine', 55],
      ['random', 25],
      ['special', 10],
      ['complaint', 5],
      ['enterprise-request', 5],
    ] as const);
    if (basis !== 'routine') entry.basis = basis;
    history.push(entry);
  }
  if (regime === 'cap-bound') history.push(...programmeHistory(root.fork('year-of-history'), layer));
  history.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0,
  );

  // ---- assemble -----------------------------------------------------------------------
  const scenario: ScenarioJson = {
    version: 1,
    timezone: 'Asia/Shanghai',
    horizon: { from: cal.dates[0]!, to: cal.dates[cal.length - 1]! },
    calendar: { preset: 'cn-mainland', dayStart: '09:00', dayEnd: '17:00', quietPeriods },
    departments,
    items,
    enterprises,
    inspectors,
    requests,
    caps,
    history,
    policy: {
      minInspectorsPerDepartment: 2,
      makeupWorkdays: 'avoid',
      ...(size.travel ? { travelMinutesPerKm: 2 } : {}),
      seed,
    },
  };
  return scenario;
}

function enterpriseName(r: Random, tag: Tag, area: AreaDef): string {
  const place = area.urban ? '新乡市' : area.name.slice(0, -1);
  const brand = r.pick(BRAND_FIRST) + r.pick(BRAND_SECOND);
  if (tag === 'catering' && r.next() < 0.3) {
    return `${place}${r.pick(SURNAMES)}记${r.pick(['烩面馆', '饺子馆', '小吃店', '烧烤店', '家常菜馆'])}`;
  }
  if (tag === 'retail' && r.next() < 0.3) return `${place}${brand}便利店`;
  return `${place}${brand}${r.pick(INDUSTRY_WORDS[tag])}有限公司`;
}
