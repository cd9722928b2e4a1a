/**
 * The cap-bound regime's layer over the normal scenario (docs/scenario-generator.md,
 * "Regimes"): recurring routine programmes — a department's monthly or quarterly check of
 * every enterprise of a trade it watches — against tighter calendar and rolling caps, with a
 * full year of history. The programmes ask for more inspections than the caps allow, as a
 * "monthly check of every restaurant" meeting a "four times a year" cap does.
 */
import type { Random } from '../../src/util/random.js';
import type { YearCalendar } from './calendar.js';
import { DEPARTMENT_IDS, type DepartmentId, type Tag } from './departments.js';
import { pad, poisson, weighted, weightedIndex } from './draw.js';
import { DEPT_INDEX, DEPT_ITEMS, tagMask, type EntMeta, type ItemInfo } from './indexed.js';
import type { Basis, CapJson, EnterpriseJson, HistoryJson, RequestJson } from './types.js';

interface Programme {
  dept: DepartmentId;
  /** The trades it checks. */
  tags: Tag[];
  /** 1 = monthly (12 occurrences a year), 3 = quarterly (4). */
  months: 1 | 3;
}

/** Who checks whom how often (domain.md rules 1 and 7: the industry regulator, the risky trades). */
const PROGRAMMES: readonly Programme[] = [
  { dept: 'SAMR', tags: ['catering', 'pharmacy'], months: 1 },
  { dept: 'SAMR', tags: ['retail', 'hotel'], months: 3 },
  { dept: 'FIRE', tags: ['hotel', 'entertainment', 'healthcare'], months: 3 },
  { dept: 'FIRE', tags: ['hazardous-chemicals'], months: 1 },
  { dept: 'EMERG', tags: ['hazardous-chemicals', 'mining'], months: 1 },
  { dept: 'EMERG', tags: ['manufacturing'], months: 3 },
  { dept: 'HEALTH', tags: ['healthcare', 'hotel'], months: 3 },
  { dept: 'ENV', tags: ['manufacturing', 'hazardous-chemicals'], months: 3 },
  { dept: 'HOUSING', tags: ['construction'], months: 1 },
  { dept: 'TRANS', tags: ['transport'], months: 3 },
  { dept: 'CULTURE', tags: ['entertainment'], months: 3 },
  { dept: 'AGRI', tags: ['agriculture'], months: 3 },
  { dept: 'NATRES', tags: ['mining'], months: 3 },
];
const PROGRAMME_INDEX = PROGRAMMES.map((p) => ({ d: DEPT_INDEX.get(p.dept)!, mask: tagMask(p.tags), occ: 12 / p.months, rule: p.months === 1 ? 'FREQ=MONTHLY;BYMONTHDAY=1' : 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1' }));

/** Occurrences the programmes add, as a share of the tier's target (L: 150,000 + ≈ 75,000, the city-year of ≈ 220,000). */
export const PROGRAMME_SHARE = 0.5;
/**
 * The share of a programme's occurrences its department staffs for (officers are sized as in the
 * normal regime on the normal load plus this share of the programmes'): about what the caps let
 * through, so that caps, not officers, bind.
 */
const PROGRAMME_STAFFED = 0.4;
/** Relative chance by grade A–D that an enterprise is enrolled in a programme watching its trade (scaled to PROGRAMME_SHARE). */
const ENROL_BY_GRADE = [0.25, 0.5, 0.8, 1];
/** History entries per enterprise in the previous year, by grade A–D (before the normal variant's own history). */
const HISTORY_BY_GRADE = [1, 2, 3, 4];

/**
 * Caps added to the normal ones: routine checks per department by grade in a calendar year,
 * inspections of any department per calendar quarter, and in any 365 days (which the year of
 * history fills from the start).
 */
export const PROGRAMME_CAPS: readonly CapJson[] = [
  {
    id: 'routine-by-grade-per-year',
    departmentIds: ['SAMR', 'FIRE', 'HOUSING', 'TRANS', 'CULTURE', 'AGRI', 'NATRES'],
    per: 'enterprise-department',
    period: 'year',
    maxByRiskGrade: { A: 1, B: 2, C: 2, D: 3 },
    countsBases: ['routine'],
  },
  { id: 'enterprise-by-grade-per-quarter', per: 'enterprise', period: 'quarter', maxByRiskGrade: { A: 1, B: 1, C: 1, D: 2 } },
  { id: 'enterprise-by-grade-365-days', per: 'enterprise', period: { rollingDays: 365 }, maxByRiskGrade: { A: 2, B: 3, C: 3, D: 5 } },
];

export interface ProgrammeContext {
  cal: YearCalendar;
  prevCal: YearCalendar;
  enterprises: readonly EnterpriseJson[];
  meta: readonly EntMeta[];
  /** admits[d][area] = 1 when department d has jurisdiction there. */
  admits: readonly Uint8Array[];
  requests: RequestJson[];
  reqWidth: number;
  targetOccurrences: number;
  /** How strongly enterprise e draws each department (a fresh array). */
  deptWeights(e: number): Float64Array;
  /** Adds an on-site request's load to what the officers are sized for. */
  addLoad(e: number, d: number, duration: number, team: number, occ: number, items: readonly ItemInfo[]): void;
}

/** On-site items of department d that apply to an enterprise with these tags and fit `limit` minutes. */
function onsiteItems(d: number, tags: number, limit: number): ItemInfo[] {
  return DEPT_ITEMS[d]!.filter((it) => !it.offsite && it.duration <= limit && (it.tagMask === 0 || (it.tagMask & tags) !== 0));
}

/** Appends the programmes' recurring requests to `ctx.requests`; returns the occurrences added. */
export function addProgrammes(r: Random, ctx: ProgrammeContext): number {
  const { meta, admits } = ctx;
  const enrolled = (e: number, p: (typeof PROGRAMME_INDEX)[number]): boolean => {
    const m = meta[e]!;
    return !m.whitelisted && (m.tags & p.mask) !== 0 && admits[p.d]![m.area] === 1;
  };
  // Scale the enrolment chances so that the expected occurrences are PROGRAMME_SHARE of the target.
  let expected = 0;
  for (let e = 0; e < meta.length; e++) {
    for (const p of PROGRAMME_INDEX) if (enrolled(e, p)) expected += ENROL_BY_GRADE[meta[e]!.grade]! * p.occ;
  }
  const scale = expected > 0 ? (ctx.targetOccurrences * PROGRAMME_SHARE) / expected : 0;
  let added = 0;
  for (let e = 0; e < meta.length; e++) {
    const m = meta[e]!;
    for (const p of PROGRAMME_INDEX) {
      if (!enrolled(e, p) || r.next() >= ENROL_BY_GRADE[m.grade]! * scale) continue;
      const limit = Math.min(180, m.maxVisit > 0 ? m.maxVisit : 180);
      const pool = onsiteItems(p.d, m.tags, limit);
      if (pool.length === 0) continue;
      const chosen: ItemInfo[] = [];
      let duration = 0;
      const want = r.next() < 0.7 ? 1 : 2;
      while (chosen.length < want && pool.length > 0) {
        const it = pool.splice(r.int(pool.length), 1)[0]!;
        if (duration + it.duration > limit) continue;
        chosen.push(it);
        duration += it.duration;
      }
      chosen.sort((a, b) => (a.id < b.id ? -1 : 1));
      const req: RequestJson = {
        id: `R${pad(ctx.requests.length + 1, ctx.reqWidth)}`,
        departmentId: DEPARTMENT_IDS[p.d]!,
        enterpriseId: ctx.enterprises[e]!.id,
        itemIds: chosen.map((it) => it.id),
        window: { from: ctx.cal.dates[0]!, to: ctx.cal.dates[ctx.cal.length - 1]! },
        recurrence: p.rule,
      };
      const priority = (r.next() < 0.2 ? 2 : 1) + (m.grade === 3 ? 1 : 0);
      if (priority > 1) req.priority = priority;
      ctx.requests.push(req);
      ctx.addLoad(e, p.d, duration, 2, p.occ * PROGRAMME_STAFFED, chosen);
      added += p.occ;
    }
  }
  return added;
}

/** A year of history before the horizon: a Poisson number of inspections per enterprise by grade, on ordinary working days. */
export function programmeHistory(r: Random, ctx: ProgrammeContext): HistoryJson[] {
  const history: HistoryJson[] = [];
  const days = ctx.prevCal.ordinaryWorkingDays;
  for (let e = 0; e < ctx.meta.length; e++) {
    const n = poisson(r, HISTORY_BY_GRADE[ctx.meta[e]!.grade]!);
    for (let k = 0; k < n; k++) {
      const w = ctx.deptWeights(e);
      const deps: number[] = [];
      const nd = r.next() < 0.75 ? 1 : 2;
      for (let j = 0; j < nd; j++) {
        const d = weightedIndex(r, w);
        if (d < 0) break;
        w[d] = 0;
        deps.push(d);
      }
      if (deps.length === 0) continue;
      deps.sort((a, b) => a - b);
      const entry: HistoryJson = {
        enterpriseId: ctx.enterprises[e]!.id,
        date: ctx.prevCal.dates[r.pick(days)]!,
        departmentIds: deps.map((d) => DEPARTMENT_IDS[d]!),
      };
      const basis = weighted<Basis>(r, [
        ['routine', 70],
        ['random', 20],
        ['special', 10],
      ]);
      if (basis !== 'routine') entry.basis = basis;
      history.push(entry);
    }
  }
  return history;
}
