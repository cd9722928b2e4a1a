/**
 * The generator's regimes (bench/generator/regimes.ts, docs/scenario-generator.md "Regimes"):
 * each is deterministic; normal and ample are what they were before regimes existed (the old
 * options give the same JSON, and the regimes that share parts with normal share them exactly);
 * cap-bound and staff-bound have the structure their names promise, and planned, refuse the
 * share of occurrences they were calibrated for. `--regimes` on `npm run bench` picks them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs, variantsOf, type Options } from '../../bench/options.js';
import { generateScenario, REGIMES, type ScenarioJson } from '../../bench/generator/index.js';
import { parseScenario, planSync } from '../../src/index.js';
import { exitOf } from '../support/exit.js';

const json = (x: unknown) => JSON.stringify(x);

/** First reason codes of a plan's unscheduled occurrences, counted, and the occurrences needing a visit. */
function planned(s: ScenarioJson): { reasons: Record<string, number>; occurrences: number; onsite: number } {
  const plan = planSync(parseScenario(s), { locale: 'en' });
  const reasons: Record<string, number> = {};
  for (const u of plan.unscheduled) reasons[u.reasons[0]!.code] = (reasons[u.reasons[0]!.code] ?? 0) + 1;
  return { reasons, occurrences: plan.metrics.occurrences, onsite: plan.metrics.occurrences - plan.metrics.offsite };
}

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
const weekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('generator regimes', () => {
  it('each regime is deterministic: same options, identical JSON', () => {
    for (const regime of REGIMES) {
      expect(json(generateScenario({ tier: 'S', seed: 4, regime })), regime).toBe(json(generateScenario({ tier: 'S', seed: 4, regime })));
    }
  });

  it('normal and ample are the scenarios of the options before regimes: no regime, and ampleStaff', () => {
    for (const seed of [0, 1]) {
      expect(json(generateScenario({ tier: 'S', seed, regime: 'normal' }))).toBe(json(generateScenario({ tier: 'S', seed })));
      expect(json(generateScenario({ tier: 'S', seed, regime: 'ample' }))).toBe(json(generateScenario({ tier: 'S', seed, ampleStaff: true })));
      expect(json(generateScenario({ tier: 'S', seed, regime: 'ample', ampleStaff: true }))).toBe(json(generateScenario({ tier: 'S', seed, ampleStaff: true })));
    }
    expect(() => generateScenario({ tier: 'S', regime: 'cap-bound', ampleStaff: true })).toThrow(/contradicts/);
    expect(() => generateScenario({ tier: 'S', regime: 'tight' as never })).toThrow(/unknown regime tight/);
  });

  it('every regime is a valid scenario for the engine', () => {
    for (const regime of REGIMES) expect(() => parseScenario(generateScenario({ tier: 'S', seed: 2, regime })), regime).not.toThrow();
  });

  it('staff-bound changes only the officers: enterprises, requests, caps, history and departments are the normal ones', () => {
    const normal = generateScenario({ tier: 'S', seed: 1 });
    const tight = generateScenario({ tier: 'S', seed: 1, regime: 'staff-bound' });
    for (const key of ['enterprises', 'requests', 'caps', 'history', 'departments', 'items', 'calendar', 'policy'] as const) {
      expect(json(tight[key]), key).toBe(json(normal[key]));
    }
    expect(json(tight.inspectors)).not.toBe(json(normal.inspectors));
  });

  it('staff-bound officers: pairs on a few weekdays a month, with qualifications, areas, leave and recusal', () => {
    const s = generateScenario({ tier: 'M', seed: 1, regime: 'staff-bound' });
    const requested = new Set(s.requests.map((r) => `${r.departmentId} ${r.enterpriseId}`));
    for (const d of s.departments) {
      const officers = s.inspectors.filter((i) => i.departmentId === d.id);
      expect(officers.length % 2, d.id).toBe(0);
      for (let k = 0; k < officers.length; k += 2) {
        const [a, b] = [officers[k]!, officers[k + 1]!];
        expect(b.unavailableRule).toBe(a.unavailableRule);
        expect(b.areas).toEqual(a.areas);
        // office days: every weekday of the month but 4 to 8 positions among the first 21
        const m = /^FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=([\d,]+)$/.exec(a.unavailableRule ?? '');
        expect(m, a.unavailableRule).not.toBeNull();
        const office = new Set(m![1]!.split(',').map(Number));
        const field = Array.from({ length: 23 }, (_, i) => i + 1).filter((p) => !office.has(p));
        expect(field.length).toBeGreaterThanOrEqual(4);
        expect(field.length).toBeLessThanOrEqual(8);
        expect(Math.max(...field)).toBeLessThanOrEqual(21);
      }
      // a qualification the department's items need is held by some but not all of its officers (when it has more than a pair)
      const quals = new Set(s.items.filter((i) => i.departmentId === d.id).flatMap((i) => i.qualifications ?? []));
      for (const q of quals) {
        const holders = officers.filter((o) => o.qualifications?.includes(q)).length;
        expect(holders, `${d.id} ${q}`).toBeGreaterThanOrEqual(1);
        if (officers.length > 4) expect(holders, `${d.id} ${q}`).toBeLessThan(officers.length);
      }
    }
    expect(s.inspectors.some((i) => i.areas !== undefined)).toBe(true);
    const leave = s.inspectors.filter((i) => (i.unavailable ?? []).some((r) => r.from !== r.to));
    expect(leave.length).toBeGreaterThan(0);
    // make-up working days (a Saturday or Sunday at work) are office days for every officer
    for (const i of s.inspectors) expect((i.unavailable ?? []).some((r) => r.from === r.to && weekday(r.from) >= 6), i.id).toBe(true);
    // recusal names enterprises the officer's department has requests at
    const avoiding = s.inspectors.filter((i) => i.avoid !== undefined);
    expect(avoiding.length).toBeGreaterThan(0);
    for (const i of avoiding) for (const e of i.avoid!) expect(requested.has(`${i.departmentId} ${e}`)).toBe(true);
  });

  it('cap-bound adds to the normal scenario: its requests, caps and history come first and unchanged', () => {
    const normal = generateScenario({ tier: 'S', seed: 1 });
    const capped = generateScenario({ tier: 'S', seed: 1, regime: 'cap-bound' });
    expect(json(capped.enterprises)).toBe(json(normal.enterprises));
    expect(json(capped.requests.slice(0, normal.requests.length))).toBe(json(normal.requests));
    expect(json(capped.caps!.slice(0, normal.caps!.length))).toBe(json(normal.caps));
    const history = new Set(capped.history!.map(json));
    for (const h of normal.history!) expect(history.has(json(h))).toBe(true);
  });

  it('cap-bound: monthly and quarterly routine programmes, calendar and rolling caps, a year of history', () => {
    const s = generateScenario({ tier: 'S', seed: 1, regime: 'cap-bound' });
    const normal = generateScenario({ tier: 'S', seed: 1 });
    const added = s.requests.slice(normal.requests.length);
    expect(added.length).toBeGreaterThan(10);
    for (const r of added) {
      expect(r.basis ?? 'routine').toBe('routine');
      expect(r.window).toEqual(s.horizon);
      expect(['FREQ=MONTHLY;BYMONTHDAY=1', 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1']).toContain(r.recurrence);
    }
    expect(added.some((r) => r.recurrence === 'FREQ=MONTHLY;BYMONTHDAY=1')).toBe(true);
    expect(added.some((r) => r.recurrence === 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1')).toBe(true);
    const caps = s.caps!.slice(normal.caps!.length);
    expect(caps.some((c) => c.period === 'quarter' || c.period === 'year')).toBe(true);
    expect(caps.some((c) => typeof c.period === 'object' && c.period.rollingDays >= 365)).toBe(true);
    // a year of history: at least one earlier inspection per enterprise on average, spread over the previous year
    const before = s.history!.filter((h) => h.date < s.horizon.from);
    expect(before.length).toBeGreaterThan(s.enterprises.length);
    const months = new Set(before.map((h) => h.date.slice(0, 7)));
    expect(months.size).toBe(12);
  });

  it('cap-bound S, planned: 25–40% of the occurrences end CAP_REACHED, and staff hardly binds', () => {
    for (const seed of [1, 3]) {
      const { reasons, occurrences, onsite } = planned(generateScenario({ tier: 'S', seed, regime: 'cap-bound' }));
      const cap = (reasons.CAP_REACHED ?? 0) / occurrences;
      expect(cap, `seed ${seed}`).toBeGreaterThanOrEqual(0.25);
      expect(cap, `seed ${seed}`).toBeLessThanOrEqual(0.4);
      expect(((reasons.STAFF_CAPACITY ?? 0) + (reasons.DISPLACED ?? 0)) / onsite, `seed ${seed}`).toBeLessThan(0.03);
    }
  });

  it('staff-bound S, planned: 10–20% of the on-site occurrences end STAFF_CAPACITY or DISPLACED, caps hardly bind', () => {
    for (const seed of [1, 3]) {
      const { reasons, occurrences, onsite } = planned(generateScenario({ tier: 'S', seed, regime: 'staff-bound' }));
      const staff = ((reasons.STAFF_CAPACITY ?? 0) + (reasons.DISPLACED ?? 0)) / onsite;
      expect(staff, `seed ${seed}`).toBeGreaterThanOrEqual(0.1);
      expect(staff, `seed ${seed}`).toBeLessThanOrEqual(0.2);
      expect((reasons.CAP_REACHED ?? 0) / occurrences, `seed ${seed}`).toBeLessThan(0.03);
    }
  });
});


describe('npm run bench --regimes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('defaults to all four regimes (issue 12), --quick too', () => {
    expect(variantsOf(parseArgs([]))).toEqual(['normal', 'ample', 'cap-bound', 'staff-bound']);
    expect(variantsOf(parseArgs(['--quick']))).toEqual(['normal', 'ample', 'cap-bound', 'staff-bound']);
  });

  it('takes a list in any order and measures it in the regimes order', () => {
    expect(variantsOf(parseArgs(['--regimes', 'staff-bound,normal,cap-bound']))).toEqual(['normal', 'cap-bound', 'staff-bound']);
    expect(variantsOf(parseArgs(['--regimes=cap-bound']))).toEqual(['cap-bound']);
  });

  it('still reads --ample both|only|none as the regimes it meant', () => {
    expect(variantsOf(parseArgs(['--ample', 'only']))).toEqual(['ample']);
    expect(variantsOf(parseArgs(['--ample', 'none']))).toEqual(['normal']);
  });

  it('reads a results file written before regimes (no regimes field) from its ample option', () => {
    const old = { ...parseArgs([]), ample: 'only' } as Options;
    delete old.regimes;
    expect(variantsOf(old)).toEqual(['ample']);
  });

  it.each([
    [['--regimes', 'tight'], '--regimes takes a list of normal, ample, cap-bound, staff-bound'],
    [['--regimes', ''], '--regimes takes a list of normal, ample, cap-bound, staff-bound'],
    [['--regimes', 'normal', '--ample', 'both'], 'give --regimes or --ample, not both'],
  ])('rejects %j with the usage and exit code 2', (args, message) => {
    const out = exitOf(() => parseArgs(args));
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe(message);
  });
});
