/**
 * `arbScenario(options)`: small, valid scenarios (contract v1 §1) as plain input JSON, with every
 * kind of thing a host may send — departments with jurisdictions, items with qualifications and
 * off-site items, enterprises with areas, whitelist, unavailability and visit limits, officers
 * with certificates, areas, recusals and leave, requests with windows, recurrences, fixed dates
 * and exclusivity, caps with history, quiet periods, the cn-mainland preset and make-up days.
 *
 * Every generated scenario passes `parseScenario`; the options say how big it is, how scarce
 * the officers are, and which features appear. Used by the model tests and the planner's
 * property tests alike.
 *
 * @example
 *   fc.assert(fc.property(arbScenario({ requests: { min: 3, max: 8 }, staff: 'tight', caps: false }), (s) => …));
 */
import fc from 'fast-check';
import { record } from './record.js';
import type { ScenarioInput } from '../../src/model/scenario.js';
import { BASES } from '../../src/model/primitives.js';
import type {
  CapInput,
  DepartmentInput,
  EnterpriseInput,
  InspectorInput,
  ItemInput,
  RequestInput,
} from '../support/builders.js';
import { arbCalendar } from './calendar.js';
import { arbDateIn, arbRangeIn } from './dates.js';
import { addDays } from './days.js';

/** A count: exact, or drawn from [min, max]. */
export type Size = number | { min: number; max: number };

/**
 * How many officers each department has, against the team size a visit needs
 * (`policy.minInspectorsPerDepartment`, call it m):
 * - `ample`: m+2 … m+4 officers, certificates valid over the whole horizon, the first two
 *   holding every qualification their department's items need;
 * - `tight`: m … m+1 officers, certificates that may start or end inside the horizon;
 * - `scarce`: 0 … m officers, so some departments cannot field a team at all.
 */
export type StaffLevel = 'ample' | 'tight' | 'scarce';

export interface ArbScenarioOptions {
  /** Default 1–3. */
  departments?: Size;
  /** Items per department; default 1–3. */
  itemsPerDepartment?: Size;
  /** Default 1–4. */
  enterprises?: Size;
  /** Default 1–6. */
  requests?: Size;
  /** Length of the horizon in days; default 5–45. */
  horizonDays?: Size;
  /** Where the horizon may start; default anywhere in 2025–2026 (so it can run into 2027). */
  horizonStart?: { from: string; to: string };
  /** Default `ample`. */
  staff?: StaffLevel;
  /** Frequency caps and inspection history; default true. */
  caps?: boolean;
  /** Recurring requests; default true. */
  recurrences?: boolean;
  /** Quiet periods; default true. */
  quietPeriods?: boolean;
  /** The preset, own holidays and make-up days, other workdays and hours; default true. */
  calendar?: boolean;
  /**
   * Areas and jurisdictions, the whitelist, recusals, leave and unavailability, qualifications,
   * visit-length limits, team-size limits and travel time; default true.
   */
  restrictions?: boolean;
  /** Fixed dates, preferred dates, exclusive and on-site requests, triggered bases, priorities; default true. */
  requestOptions?: boolean;
  /** When given, written into `policy.timeLimitMs` (handy for planner tests). */
  timeLimitMs?: number;
}

const DEPARTMENT_IDS = ['SAMR', 'TAX', 'HRSS', 'EEB', 'FIRE', 'HEALTH', 'EMA', 'TRANS'];
const DEPARTMENT_NAMES = ['市场监管局', '税务局', '人社局', '生态环境局', '消防救援支队', '卫健委', '应急管理局', '交通运输局'];
const AREAS = ['410702', '410703', '410711', '410721'];
const QUALIFICATIONS = ['food', 'fire', 'tax-audit', 'chemicals'];
const FIELDS = ['work-safety', 'environment', 'food-drug', 'health', 'tax', 'labour'];
const TAGS = ['catering', 'hazardous-chemicals', 'retail', 'manufacturing'];
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const RECURRENCES = [
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
  'FREQ=MONTHLY;BYMONTHDAY=1',
  'FREQ=MONTHLY;BYMONTHDAY=1,15',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'RRULE:FREQ=DAILY;INTERVAL=10',
  'FREQ=WEEKLY;BYDAY=WE;COUNT=3',
];
const UNAVAILABLE_RULES = ['FREQ=WEEKLY;BYDAY=WE', 'FREQ=MONTHLY;BYMONTHDAY=15', 'FREQ=MONTHLY;BYDAY=-1FR'];

type HistoryInput = NonNullable<ScenarioInput['history']>[number];

const size = (s: Size): fc.Arbitrary<number> => (typeof s === 'number' ? fc.constant(s) : fc.integer(s));
/** An optional value when `on` (absent about one time in `freq`, as `fc.option` counts), else absent. */
const maybe = <T>(arb: fc.Arbitrary<T>, on: boolean, freq = 2): fc.Arbitrary<T | undefined> =>
  on ? fc.option(arb, { nil: undefined, freq }) : fc.constant(undefined);
/** `list.map(make)` as one arbitrary. */
const each = <T, U>(list: readonly T[], make: (t: T, i: number) => fc.Arbitrary<U>): fc.Arbitrary<U[]> =>
  list.length === 0 ? fc.constant<U[]>([]) : fc.tuple(...list.map(make)).map((values): U[] => [...values]);
/** Drops keys whose value is `undefined`, so the result is plain JSON. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

interface Skeleton {
  departments: number;
  items: number[];
  enterprises: number;
  requests: number;
  from: string;
  to: string;
  /** `policy.minInspectorsPerDepartment` as written (undefined = default 2). */
  minInspectors: number | undefined;
}

function arbSkeleton(o: Required<Pick<ArbScenarioOptions, 'departments' | 'itemsPerDepartment' | 'enterprises' | 'requests' | 'horizonDays' | 'horizonStart'>>): fc.Arbitrary<Skeleton> {
  return record({
      departments: size(o.departments),
      enterprises: size(o.enterprises),
      requests: size(o.requests),
      from: arbDateIn(o.horizonStart.from, o.horizonStart.to),
      days: size(o.horizonDays),
      minInspectors: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined, freq: 2 }),
    })
    .chain((s) =>
      fc.array(size(o.itemsPerDepartment), { minLength: s.departments, maxLength: s.departments }).map((items) => ({
        departments: s.departments,
        items,
        enterprises: s.enterprises,
        requests: s.requests,
        from: s.from,
        to: addDays(s.from, Math.max(1, s.days) - 1),
        minInspectors: s.minInspectors,
      })),
    );
}

const departmentId = (i: number) => DEPARTMENT_IDS[i] ?? `D${i + 1}`;
const itemId = (d: number, k: number) => `${departmentId(d)}-${k + 1}`;

export function arbScenario(options: ArbScenarioOptions = {}): fc.Arbitrary<ScenarioInput> {
  const o = {
    departments: options.departments ?? { min: 1, max: 3 },
    itemsPerDepartment: options.itemsPerDepartment ?? { min: 1, max: 3 },
    enterprises: options.enterprises ?? { min: 1, max: 4 },
    requests: options.requests ?? { min: 1, max: 6 },
    horizonDays: options.horizonDays ?? { min: 5, max: 45 },
    horizonStart: options.horizonStart ?? { from: '2025-01-01', to: '2026-12-31' },
    staff: options.staff ?? 'ample',
    caps: options.caps ?? true,
    recurrences: options.recurrences ?? true,
    quietPeriods: options.quietPeriods ?? true,
    calendar: options.calendar ?? true,
    restrictions: options.restrictions ?? true,
    requestOptions: options.requestOptions ?? true,
  };
  return arbSkeleton(o).chain((sk) => {
    const r = o.restrictions;
    const team = sk.minInspectors ?? 2;
    const depIndices = Array.from({ length: sk.departments }, (_, i) => i);
    const depIds = depIndices.map(departmentId);
    const entIds = Array.from({ length: sk.enterprises }, (_, i) => `E${i + 1}`);
    const inRange = (from: string, to: string) => arbDateIn(from, to);
    const horizonRange = (maxDays: number) => arbRangeIn(sk.from, sk.to, maxDays);

    const departments = each(depIndices, (d) =>
      maybe(fc.subarray(AREAS, { minLength: 1 }), r, 3).map(
        (areas): DepartmentInput => clean({ id: departmentId(d), name: DEPARTMENT_NAMES[d] ?? `部门${d + 1}`, areas }),
      ),
    );

    const items = each(depIndices, (d) =>
      each(
        Array.from({ length: sk.items[d] as number }, (_, k) => k),
        (k) =>
          record({
              durationMinutes: fc.option(fc.constantFrom(30, 45, 60, 90, 120), { nil: undefined, freq: 3 }),
              qualifications: maybe(fc.subarray(QUALIFICATIONS, { minLength: 1, maxLength: 1 }), r, 3),
              offsite: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
              field: fc.option(fc.constantFrom(...FIELDS), { nil: undefined, freq: 2 }),
              legalBasis: fc.option(fc.constantFrom('《食品安全法》第八十七条', '《税收征收管理法》第五十四条'), { nil: undefined, freq: 3 }),
            })
            .map((x): ItemInput => clean({ id: itemId(d, k), departmentId: departmentId(d), name: `检查事项${d + 1}-${k + 1}`, ...x })),
      ),
    ).map((perDep) => perDep.flat());

    const enterprises = each(entIds, (id, e) =>
      record({
          area: fc.option(fc.constantFrom(...AREAS), { nil: undefined, freq: 5 }),
          location: fc.option(
            record({ lat: fc.double({ min: 35.1, max: 35.5, noNaN: true }), lng: fc.double({ min: 113.7, max: 114.1, noNaN: true }) }),
            { nil: undefined, freq: 2 },
          ),
          riskGrade: fc.option(fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const), { nil: undefined, freq: 3 }),
          whitelisted: maybe(fc.boolean(), r, 2),
          leadDepartmentId: fc.option(fc.constantFrom(...depIds), { nil: undefined, freq: 2 }),
          unavailable: maybe(fc.array(horizonRange(3), { maxLength: 2 }), r, 2),
          unavailableRule: maybe(fc.constantFrom(...UNAVAILABLE_RULES), r, 4),
          maxVisitMinutes: maybe(fc.constantFrom(120, 180, 240, 480), r, 4),
          tags: fc.option(fc.subarray(TAGS), { nil: undefined, freq: 2 }),
        })
        .map((x): EnterpriseInput => clean({ id, name: `企业${e + 1}有限公司`, ...x })),
    );

    const staffCount = o.staff === 'ample' ? { min: team + 2, max: team + 4 } : o.staff === 'tight' ? { min: team, max: team + 1 } : { min: 0, max: team };
    const inspectorsOf = (d: number, start: number, count: number, depQualifications: string[]) =>
      each(
        Array.from({ length: count }, (_, k) => k),
        (k) => {
          const certificate =
            o.staff === 'ample'
              ? record({ validFrom: inRange(addDays(sk.from, -400), sk.from), validTo: inRange(sk.to, addDays(sk.to, 400)) })
              : arbRangeIn(addDays(sk.from, -60), addDays(sk.to, 60), 500).map(({ from, to }) => ({ validFrom: from, validTo: to }));
          const qualifications = o.staff === 'ample' && k < 2 ? fc.constant(depQualifications) : fc.subarray(QUALIFICATIONS);
          return record({
              number: fc.option(fc.integer({ min: 1, max: 99999 }).map((n) => `41070${String(n).padStart(5, '0')}`), { nil: undefined, freq: 3 }),
              certificate,
              qualifications: qualifications.map((q) => (q.length > 0 ? q : undefined)),
              areas: maybe(fc.subarray(AREAS, { minLength: 2 }), r, 4),
              unavailable: maybe(fc.array(horizonRange(5), { maxLength: 2 }), r, 2),
              unavailableRule: maybe(fc.constantFrom(...UNAVAILABLE_RULES), r, 6),
              maxVisitsPerDay: fc.option(fc.integer({ min: o.staff === 'ample' ? 2 : 1, max: 4 }), { nil: undefined, freq: 2 }),
              maxMinutesPerDay: maybe(fc.constantFrom(240, 360, 480), r, 4),
              avoid: maybe(fc.subarray(entIds, { maxLength: 1 }), r, 3),
              name: fc.constantFrom(...SURNAMES).map((s) => `${s}${['伟', '娜', '芳', '洋', '敏', '静'][k % 6]}`),
            })
            .map(({ number, certificate: c, ...x }): InspectorInput =>
              clean({ id: `I${start + k + 1}`, departmentId: departmentId(d), ...x, certificate: clean({ number, ...c }) }),
            );
        },
      );

    return record({
        departments,
        items,
        enterprises,
        staff: fc.array(size(staffCount), { minLength: sk.departments, maxLength: sk.departments }),
        timezone: fc.option(fc.constantFrom('Asia/Shanghai', 'Asia/Urumqi', 'UTC'), { nil: undefined, freq: 2 }),
        calendar:
          o.calendar || o.quietPeriods
            ? arbCalendar(sk.from, sk.to, { areas: AREAS, quietPeriods: o.quietPeriods, preset: o.calendar }).map((c) =>
                o.calendar ? c : clean({ quietPeriods: c.quietPeriods }),
              )
            : fc.constant(undefined),
        policy: record({
          maxDepartmentsPerVisit: maybe(fc.integer({ min: 1, max: 3 }), r, 4),
          makeupWorkdays: fc.option(fc.constantFrom('allow' as const, 'avoid' as const, 'forbid' as const), { nil: undefined, freq: 2 }),
          whitelistExemptFields: maybe(fc.subarray(FIELDS), r, 5),
          travelMinutesPerKm: maybe(fc.constantFrom(0, 1, 2.5), r, 3),
          seed: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: undefined, freq: 2 }),
        }),
      })
      .chain((parts) => {
        const qualificationsOf = (d: number) =>
          [...new Set((parts.items as ItemInput[]).filter((it) => it.departmentId === departmentId(d)).flatMap((it) => it.qualifications ?? []))];
        const starts = parts.staff.map((_, d) => parts.staff.slice(0, d).reduce((a, b) => a + b, 0));
        const itemsOf = (d: number) => parts.items.filter((it) => it.departmentId === departmentId(d)).map((it) => it.id);
        const ro = o.requestOptions;
        const request = (i: number) =>
          record({ d: fc.integer({ min: 0, max: sk.departments - 1 }), enterpriseId: fc.constantFrom(...entIds) })
            .chain(({ d, enterpriseId }) =>
              record({
                  itemIds: fc.subarray(itemsOf(d), { minLength: 1 }),
                  window: fc.oneof(
                    fc.constant({ from: sk.from, to: sk.to }),
                    arbRangeIn(addDays(sk.from, -7), addDays(sk.to, 7), 60),
                  ),
                  basis: ro
                    ? fc.option(
                        fc.oneof(
                          { arbitrary: fc.constant('routine' as const), weight: 4 },
                          { arbitrary: fc.constantFrom(...BASES), weight: 3 },
                        ),
                        { nil: undefined, freq: 3 },
                      )
                    : fc.constant(undefined),
                  priority: maybe(fc.integer({ min: 1, max: 5 }), ro, 2),
                  inspectors: maybe(fc.integer({ min: 1, max: team + 1 }), ro, 4),
                  exclusive: maybe(fc.boolean(), ro, 3),
                  onsite: maybe(fc.boolean(), ro, 4),
                  recurrence: maybe(fc.constantFrom(...RECURRENCES), o.recurrences, 4),
                })
                .chain((x) =>
                  record({
                      preferredDates: maybe(fc.uniqueArray(inRange(x.window.from, x.window.to), { maxLength: 2 }), ro, 3),
                      fixedDate: maybe(inRange(x.window.from, x.window.to), ro && x.recurrence === undefined, 5),
                    })
                    .map(
                      (y): RequestInput =>
                        clean({ id: `R${i + 1}`, departmentId: departmentId(d), enterpriseId, ...x, ...y }),
                    ),
                ),
            );

        const cap = (i: number) =>
          record({
              departmentIds: fc.option(fc.subarray(depIds, { minLength: 1 }), { nil: undefined, freq: 3 }),
              per: fc.constantFrom('enterprise-department' as const, 'enterprise' as const),
              period: fc.oneof(
                fc.constantFrom('year' as const, 'half-year' as const, 'quarter' as const, 'month' as const),
                fc.integer({ min: 7, max: 90 }).map((n) => ({ rollingDays: n })),
              ),
              max: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 4 }),
              maxByRiskGrade: fc.option(
                record(
                  { A: fc.integer({ min: 0, max: 2 }), B: fc.integer({ min: 0, max: 3 }), C: fc.integer({ min: 1, max: 4 }), D: fc.integer({ min: 1, max: 6 }) },
                  { requiredKeys: [] },
                ),
                { nil: undefined, freq: 2 },
              ),
              minGapDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined, freq: 2 }),
              countsBases: fc.option(fc.subarray([...BASES], { minLength: 1 }), { nil: undefined, freq: 3 }),
            })
            .map((x): CapInput => clean({ id: `C${i + 1}`, ...x }));

        const history: fc.Arbitrary<HistoryInput> = record({
          enterpriseId: fc.constantFrom(...entIds),
          date: inRange(addDays(sk.from, -400), sk.to),
          departmentIds: fc.subarray(depIds, { minLength: 1 }),
          basis: fc.option(fc.constantFrom(...BASES), { nil: undefined, freq: 2 }),
        }).map((h) => clean(h));

        return record({
            inspectors: each(depIndices, (d) => inspectorsOf(d, starts[d] as number, parts.staff[d] as number, qualificationsOf(d))).map((x) => x.flat()),
            requests: each(Array.from({ length: sk.requests }, (_, i) => i), request),
            caps: o.caps ? fc.integer({ min: 0, max: 2 }).chain((n) => each(Array.from({ length: n }, (_, i) => i), cap)) : fc.constant<CapInput[]>([]),
            history: o.caps ? fc.array(history, { maxLength: 3 }) : fc.constant<HistoryInput[]>([]),
          })
          .map(({ inspectors, requests, caps, history: hist }): ScenarioInput => {
            const policy = clean({
              minInspectorsPerDepartment: sk.minInspectors,
              ...parts.policy,
              timeLimitMs: options.timeLimitMs,
            });
            return clean({
              version: 1 as const,
              timezone: parts.timezone,
              horizon: { from: sk.from, to: sk.to },
              calendar: parts.calendar && Object.keys(parts.calendar).length > 0 ? parts.calendar : undefined,
              departments: parts.departments,
              items: parts.items,
              enterprises: parts.enterprises,
              inspectors,
              requests,
              caps: caps.length > 0 ? caps : undefined,
              history: hist.length > 0 ? hist : undefined,
              policy: Object.keys(policy).length > 0 ? policy : undefined,
            });
          });
      });
  });
}
