/**
 * Small scenarios where staff never binds (six certified officers per department, no leave,
 * no areas, no recusal): only merging, days, calendars and caps are hard. Up to three
 * enterprises with up to seven occurrences each, over four weeks of March 2026.
 */
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/model/scenario.js';

const DAYS = Array.from({ length: 28 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`);
const ITEMS = [
  { id: 'A1', departmentId: 'A', name: 'a1', durationMinutes: 30 },
  { id: 'A2', departmentId: 'A', name: 'a2', durationMinutes: 90, field: 'work-safety' },
  { id: 'B1', departmentId: 'B', name: 'b1', durationMinutes: 60 },
  { id: 'B2', departmentId: 'B', name: 'b2', durationMinutes: 45, offsite: true },
  { id: 'C1', departmentId: 'C', name: 'c1', durationMinutes: 120 },
  { id: 'C2', departmentId: 'C', name: 'c2', durationMinutes: 240, field: 'health' },
];
const BASES = ['routine', 'random', 'special', 'complaint', 'recheck'] as const;

const arbRequest = (enterpriseId: string) =>
  fc
    .record({
      dept: fc.constantFrom('A', 'B', 'C'),
      itemMask: fc.integer({ min: 1, max: 3 }),
      from: fc.integer({ min: 0, max: 27 }),
      len: fc.integer({ min: 0, max: 14 }),
      basis: fc.constantFrom(...BASES),
      priority: fc.integer({ min: 1, max: 3 }),
      flags: fc.integer({ min: 0, max: 19 }),
    })
    .map((r) => {
      const its = ITEMS.filter((i) => i.departmentId === r.dept).filter((_, k) => (r.itemMask >> k) & 1);
      const to = Math.min(27, r.from + r.len);
      const req: Record<string, unknown> = {
        departmentId: r.dept,
        enterpriseId,
        itemIds: its.map((i) => i.id),
        window: { from: DAYS[r.from], to: DAYS[to] },
        basis: r.basis,
        priority: r.priority,
      };
      if (r.flags === 0) req.exclusive = true;
      if (r.flags === 1) req.fixedDate = DAYS[Math.floor((r.from + to) / 2)];
      if (r.flags === 2) req.onsite = true;
      if (r.flags === 3 && r.len >= 7) req.recurrence = 'FREQ=WEEKLY;INTERVAL=1';
      if (r.flags === 4) req.inspectors = 3;
      return req;
    });

const arbEnterprise = (index: number) =>
  fc.record({
    requests: fc.array(arbRequest(`E${index}`), { minLength: 1, maxLength: 6 }),
    maxVisitMinutes: fc.option(fc.constantFrom(120, 180, 240), { nil: undefined }),
    whitelisted: fc.boolean(),
    riskGrade: fc.constantFrom('A', 'B', 'C', 'D'),
    area: fc.constantFrom('north', 'south'),
    unavailable: fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined }),
    history: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  });

export interface AmpleOptions {
  caps?: boolean;
}

export function arbAmpleScenario(options: AmpleOptions = {}): fc.Arbitrary<ScenarioInput> {
  return fc
    .record({
      enterprises: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbEnterprise(i + 1)))),
      makeup: fc.constantFrom('allow', 'avoid', 'forbid'),
      quiet: fc.boolean(),
      maxDepts: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
      capKind: fc.integer({ min: 0, max: 4 }),
      capMax: fc.integer({ min: 1, max: 2 }),
      gap: fc.integer({ min: 2, max: 8 }),
    })
    .map((g) => {
      const enterprises = g.enterprises.map((e, i) => ({
        id: `E${i + 1}`,
        name: `enterprise ${i + 1}`,
        area: e.area,
        riskGrade: e.riskGrade,
        whitelisted: e.whitelisted,
        leadDepartmentId: i === 0 ? 'B' : undefined,
        ...(e.maxVisitMinutes ? { maxVisitMinutes: e.maxVisitMinutes } : {}),
        ...(e.unavailable !== undefined ? { unavailable: [{ from: DAYS[e.unavailable], to: DAYS[Math.min(27, e.unavailable + 2)] }] } : {}),
      }));
      let n = 0;
      const requests = g.enterprises.flatMap((e) => e.requests.slice(0, 6).map((r) => ({ id: `R${++n}`, ...r })));
      const inspectors = ['A', 'B', 'C'].flatMap((d) =>
        Array.from({ length: 6 }, (_, k) => ({
          id: `${d}-${k}`,
          name: `${d} officer ${k}`,
          departmentId: d,
          certificate: { validFrom: '2026-01-01', validTo: '2026-12-31' },
          qualifications: [],
          maxVisitsPerDay: 6,
        })),
      );
      const caps = !options.caps
        ? []
        : g.capKind === 0
          ? [{ id: 'ent-month', per: 'enterprise' as const, period: 'month' as const, max: g.capMax + 1 }]
          : g.capKind === 1
            ? [{ id: 'a-rolling', per: 'enterprise-department' as const, departmentIds: ['A'], period: { rollingDays: 10 }, max: g.capMax }]
            : g.capKind === 2
              ? [{ id: 'gap', per: 'enterprise' as const, period: 'year' as const, minGapDays: g.gap }]
              : g.capKind === 3
                ? [{ id: 'grade', per: 'enterprise' as const, period: 'month' as const, max: 3, maxByRiskGrade: { A: 1, B: 2 } }]
                : [];
      const history = options.caps
        ? g.enterprises.flatMap((e, i) =>
            e.history === undefined ? [] : [{ enterpriseId: `E${i + 1}`, date: e.history < 28 ? DAYS[e.history] as string : '2026-02-20', departmentIds: ['A'], basis: 'routine' as const }],
          )
        : [];
      return {
        version: 1 as const,
        horizon: { from: '2026-03-02', to: '2026-03-29' },
        calendar: {
          holidays: ['2026-03-17'],
          extraWorkdays: ['2026-03-21'],
          ...(g.quiet ? { quietPeriods: [{ id: 'mondays', rule: 'FREQ=WEEKLY;BYDAY=MO', areas: ['north'] }] } : {}),
        },
        departments: [
          { id: 'A', name: 'dept A' },
          { id: 'B', name: 'dept B' },
          { id: 'C', name: 'dept C' },
        ],
        items: ITEMS,
        enterprises,
        inspectors,
        requests,
        caps,
        history,
        policy: { makeupWorkdays: g.makeup, ...(g.maxDepts ? { maxDepartmentsPerVisit: g.maxDepts } : {}) },
      } as unknown as ScenarioInput;
    });
}
