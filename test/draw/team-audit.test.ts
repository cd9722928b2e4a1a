/**
 * The team-draw audit (plan option `audit`, `verifyTeamDraw`): every audited plan verifies, with
 * and without its scenario; the audit changes nothing else in the plan; each kind of tampering
 * is caught; the scenario check catches an officer who could not have gone; the CLI's `--audit-teams`.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { editPlan, InputError, parseScenario, planSync, safeParsePlan, validatePlan, verifyDraw, verifyTeamDraw, type Plan, type ScenarioInput, type TeamDrawAudit, type TeamDrawEntry } from '../../src/index.js';
import { pathsOf } from '../arbitraries/mutations.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { makeEnterprise, makeInspector, makeItem, makeRequest, makeScenario } from '../support/builders.js';

const RUNS = Number(process.env.JI_PROPERTY_RUNS ?? 40);

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'];

/**
 * A crowd: one department with many officers (more than the sample takes), who hold a rare
 * qualification or not, serve some areas, recuse themselves, take leave and have little room a
 * day — so scans skip officers for every reason, samples fail and all officers are looked at,
 * and the load rebalancing swaps officers.
 */
const arbCrowd: fc.Arbitrary<ScenarioInput> = fc
  .record({
    officers: fc.array(
      fc.record({
        dept: fc.constantFrom('SAMR', 'SAMR', 'SAMR', 'TAX'),
        rare: fc.integer({ min: 0, max: 14 }),
        food: fc.boolean(),
        areas: fc.constantFrom(undefined, ['A'], ['B'], ['A', 'B']),
        avoid: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        leave: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
        maxVisits: fc.integer({ min: 1, max: 2 }),
      }),
      { minLength: 30, maxLength: 48 },
    ),
    enterprises: fc.array(fc.constantFrom('A', 'B'), { minLength: 2, maxLength: 6 }),
    requests: fc.array(
      fc.record({ ent: fc.integer({ min: 1, max: 6 }), dept: fc.constantFrom('SAMR', 'SAMR', 'TAX'), item: fc.integer({ min: 0, max: 2 }), from: fc.integer({ min: 0, max: 7 }), len: fc.integer({ min: 0, max: 3 }), inspectors: fc.constantFrom(undefined, 2, 3) }),
      { minLength: 4, maxLength: 24 },
    ),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ officers, enterprises, requests, seed }) => {
    const samrItems = ['SAMR-1', 'SAMR-FOOD', 'SAMR-CHEM'];
    return makeScenario({
      horizon: { from: '2026-03-01', to: '2026-03-14' },
      items: [
        makeItem(),
        makeItem({ id: 'SAMR-FOOD', name: '食品安全检查', qualifications: ['food'] }),
        makeItem({ id: 'SAMR-CHEM', name: '危化品检查', durationMinutes: 120, qualifications: ['chemicals', 'food'] }),
        makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 }),
      ],
      enterprises: enterprises.map((area, i) => makeEnterprise({ id: `E${i + 1}`, name: `企业${i + 1}`, area })),
      inspectors: [
        ...officers.map((o, i) =>
          makeInspector({
            id: `I${String(i + 1).padStart(2, '0')}`,
            name: `执法人员${i + 1}`,
            departmentId: o.dept,
            qualifications: [...(o.rare === 0 ? ['chemicals'] : []), ...(o.food ? ['food'] : [])],
            ...(o.areas ? { areas: [...o.areas] } : {}),
            ...(o.avoid !== undefined ? { avoid: [`E${((o.avoid - 1) % enterprises.length) + 1}`] } : {}),
            ...(o.leave !== undefined ? { unavailable: [{ from: DAYS[o.leave] as string, to: DAYS[o.leave] as string }] } : {}),
            maxVisitsPerDay: o.maxVisits,
          }),
        ),
        // TAX always has a team.
        makeInspector({ id: 'T1', name: '王芳', departmentId: 'TAX' }),
        makeInspector({ id: 'T2', name: '刘洋', departmentId: 'TAX' }),
      ],
      requests: requests.map((r, i) =>
        makeRequest({
          id: `R${i + 1}`,
          departmentId: r.dept,
          enterpriseId: `E${Math.min(r.ent, enterprises.length)}`,
          itemIds: [r.dept === 'TAX' ? 'TAX-1' : (samrItems[r.item] as string)],
          window: { from: DAYS[r.from] as string, to: DAYS[Math.min(7, r.from + r.len)] as string },
          ...(r.inspectors !== undefined ? { inspectors: r.inspectors } : {}),
        }),
      ),
      policy: { seed },
    });
  });

const audited = (input: ScenarioInput, seed?: number) => {
  const scenario = parseScenario(input);
  const plan = planSync(scenario, { locale: 'en', audit: true, ...(seed !== undefined ? { seed } : {}) });
  return { scenario, plan, audit: plan.audit as TeamDrawAudit };
};

type Drawn = Extract<TeamDrawEntry, { rule: 'draw' | 'rebalanced' }>;
const drawnTeams = (audit: TeamDrawAudit) => audit.teams.filter((t): t is Drawn => t.rule !== 'not-drawn');
const codes = (result: { mismatches: { code: string }[] }) => [...new Set(result.mismatches.map((m) => m.code))];
/** The time taken, which differs between any two runs. */
const timeless = (plan: Plan) => ({ ...plan, meta: { ...plan.meta, elapsedMs: 0, phasesMs: undefined } });

describe('every audited plan verifies', () => {
  it('crowded departments: with the scenario and the plan, every draw, scan, team and swap is as the rule gives', () => {
    fc.assert(
      fc.property(arbCrowd, (input) => {
        const { scenario, plan, audit } = audited(input);
        const result = verifyTeamDraw(audit, scenario, { plan, locale: 'en' });
        expect(result.mismatches).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.teams).toBe(audit.teams.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('scenarios of every kind (tight and scarce staff, certificates, leave, areas, recusals): verifies with and without the scenario', () => {
    const arb = fc.tuple(fc.constantFrom('ample' as const, 'tight' as const, 'scarce' as const), fc.integer({ min: -5, max: 5000 })).chain(([staff, seed]) => arbScenario({ staff, requests: { min: 1, max: 10 }, enterprises: { min: 1, max: 4 } }).map((s) => ({ s, seed })));
    fc.assert(
      fc.property(arb, ({ s, seed }) => {
        const { scenario, plan, audit } = audited(s, seed);
        expect(verifyTeamDraw(audit).mismatches).toEqual([]);
        expect(verifyTeamDraw(audit, scenario, { plan }).mismatches).toEqual([]);
        // One team per department of every visit.
        expect(audit.teams.length).toBe(plan.visits.reduce((n, v) => n + v.departmentIds.length, 0));
      }),
      { numRuns: RUNS },
    );
  });

  it('the crowd exercises what the audit records: skips of every kind, full scans after a failed sample, rebalancing swaps', () => {
    const seen = new Set<string>();
    for (const input of fc.sample(arbCrowd, { numRuns: 30, seed: 11 })) {
      for (const t of drawnTeams(audited(input).audit)) {
        for (const s of t.scanned) seen.add(s.status);
        if (t.limit === null) seen.add('full scan');
        if (t.limit !== null && t.scanned.length < t.present) seen.add('sample stopped');
        if (t.rule === 'rebalanced') seen.add('rebalanced');
        if (t.scanned.some((s) => s.status === 'eligible' && s.free === false)) seen.add('busy');
      }
    }
    expect([...seen].sort()).toEqual(['area', 'busy', 'eligible', 'full scan', 'no-room', 'rebalanced', 'recused', 'sample stopped']);
  });

  it('verifyDraw dispatches a team-draw audit to the same check', () => {
    const { scenario, audit } = audited(fc.sample(arbCrowd, { numRuns: 1, seed: 3 })[0] as ScenarioInput);
    const result = verifyDraw(audit, { scenario });
    expect(result.valid).toBe(true);
    expect(result.kind).toBe('team-draw');
  });
});

describe('the audit changes nothing else', () => {
  it('a plan with the audit is the plan without it, plus `audit`; without the option there is no `audit` field', () => {
    fc.assert(
      fc.property(arbCrowd, (input) => {
        const scenario = parseScenario(input);
        const off = planSync(scenario, { locale: 'en' });
        const { audit, ...on } = planSync(scenario, { locale: 'en', audit: true });
        expect(audit?.kind).toBe('team-draw');
        expect('audit' in off).toBe(false);
        expect(timeless(on as Plan)).toEqual(timeless(off));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the shipped JSON Schema (schema/plan-v1.json) describes the audit: an audited plan passes it, a malformed audit does not', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const check = ajv.compile(JSON.parse(readFileSync(new URL('../../schema/plan-v1.json', import.meta.url), 'utf8')) as object);
    const { plan } = audited(fc.sample(arbCrowd, { numRuns: 1, seed: 9 })[0] as ScenarioInput);
    const json = JSON.parse(JSON.stringify(plan)) as { audit: { teams: { rule: string; need?: unknown }[] } };
    expect(check(json), JSON.stringify(check.errors)).toBe(true);
    (json.audit.teams.find((t) => t.rule === 'draw') as { need?: unknown }).need = 'two';
    expect(check(json)).toBe(false);
  });

  it('parsePlan reads an audited plan without a warning, and validatePlan judges it as the plan without the audit', () => {
    const { scenario, plan } = audited(fc.sample(arbCrowd, { numRuns: 1, seed: 5 })[0] as ScenarioInput);
    const parsed = safeParsePlan(JSON.parse(JSON.stringify(plan)), { scenario });
    expect(parsed.success && parsed.warnings).toEqual([]);
    const { audit: _audit, ...bare } = plan;
    expect(validatePlan(scenario, plan)).toEqual(validatePlan(scenario, bare));
  });
});

/** A plan of the crowd with a team that has an eligible officer it did not choose (there are many). */
function crowdPlan(seed: number) {
  for (const input of fc.sample(arbCrowd, { numRuns: 40, seed })) {
    const run = audited(input);
    const at = run.audit.teams.findIndex((t) => t.rule === 'draw' && t.scanned.some((s) => s.status === 'eligible' && !t.chosen.includes(s.officerId)));
    if (at >= 0) return { ...run, at };
  }
  throw new Error('no crowd plan with a spare eligible officer');
}

describe('tampering is caught', () => {
  const tamper = (audit: TeamDrawAudit, change: (team: Drawn, audit: TeamDrawAudit) => void, at: number) => {
    const copy = structuredClone(audit);
    change(copy.teams[at] as Drawn, copy);
    return copy;
  };

  it('a chosen officer swapped for another eligible one: the rule gives another team', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (seed) => {
        const { scenario, audit, at } = crowdPlan(seed);
        const forged = tamper(audit, (t) => {
          const spare = t.scanned.find((s) => s.status === 'eligible' && !t.chosen.includes(s.officerId)) as Drawn['scanned'][number];
          t.chosen[0] = spare.officerId;
        }, at);
        expect(verifyTeamDraw(forged).valid).toBe(false);
        expect(codes(verifyTeamDraw(forged, scenario))).toContain('team');
      }),
      { numRuns: 8 },
    );
  });

  it('a draw value changed: it is recomputed from the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (seed, value) => {
        const { audit, at } = crowdPlan(seed);
        const original = (audit.teams[at] as Drawn).scanned.find((s) => s.status === 'eligible')?.draw;
        fc.pre(value !== original);
        const forged = tamper(audit, (t) => {
          (t.scanned.find((s) => s.status === 'eligible') as { draw: number }).draw = value;
        }, at);
        const result = verifyTeamDraw(forged);
        expect(result.mismatches.find((m) => m.code === 'officer_draw')).toMatchObject({ path: expect.stringMatching(/^teams\[\d+\]\.scanned\[\d+\]\.draw$/), found: value });
      }),
      { numRuns: 8 },
    );
  });

  it('the seed changed: draws and offsets no longer follow', () => {
    const { audit } = crowdPlan(1);
    const forged = { ...audit, seed: audit.seed + 1 };
    expect(codes(verifyTeamDraw(forged))).toEqual(expect.arrayContaining(['officer_draw']));
  });

  it('an eligible officer dropped from the scan: the scan stops early, and the scenario shows who was left out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.nat(), (seed, pick) => {
        const { scenario, audit, at } = crowdPlan(seed);
        const team = audit.teams[at] as Drawn;
        const eligible = team.scanned.flatMap((s, j) => (s.status === 'eligible' ? [j] : []));
        const drop = eligible[pick % eligible.length] as number;
        const forged = tamper(audit, (t) => void t.scanned.splice(drop, 1), at);
        expect(verifyTeamDraw(forged).valid).toBe(false);
        const withScenario = verifyTeamDraw(forged, scenario);
        expect(withScenario.valid).toBe(false);
        // Unless it was the last one looked at, the rest of the scan is out of order.
        if (drop < team.scanned.length - 1) expect(codes(withScenario)).toContain('present');
      }),
      { numRuns: 10 },
    );
  });

  it('a rebalancing swap changed: the officer who joined is not the window’s best', () => {
    for (const input of fc.sample(arbCrowd, { numRuns: 60, seed: 21 })) {
      const { audit } = audited(input);
      const at = audit.teams.findIndex((t) => t.rule === 'rebalanced' && (t.swaps ?? []).some((s) => s.window.some((w) => w.eligible && w.officerId !== s.in)));
      if (at < 0) continue;
      const forged = tamper(audit, (t) => {
        const swap = (t.swaps ?? []).find((s) => s.window.some((w) => w.eligible && w.officerId !== s.in)) as NonNullable<Drawn['swaps']>[number];
        const other = swap.window.find((w) => w.eligible && w.officerId !== swap.in) as { officerId: string };
        t.chosen = t.chosen.map((id) => (id === swap.in ? other.officerId : id));
        swap.in = other.officerId;
      }, at);
      expect(codes(verifyTeamDraw(forged))).toContain('swap');
      return;
    }
    throw new Error('no rebalanced team with a second eligible officer in 60 crowds');
  });

  it('the audit of another plan: the teams do not match the plan’s visits', () => {
    const { plan, audit, at } = crowdPlan(2);
    const visit = plan.visits.find((v) => v.id === (audit.teams[at] as Drawn).visitId);
    const other = { ...plan, visits: plan.visits.map((v) => (v === visit ? { ...v, inspectorIds: v.inspectorIds.slice(1) } : v)) };
    expect(verifyTeamDraw(audit, undefined, { plan }).valid).toBe(true);
    expect(codes(verifyTeamDraw(audit, undefined, { plan: other }))).toEqual(['plan_visit']);
  });

  it('the team size or a qualification lowered: with the scenario and plan, the visit’s occurrences say what was needed', () => {
    const { scenario, plan, audit, at } = crowdPlan(7);
    const smaller = structuredClone(audit);
    const team = smaller.teams[at] as Drawn;
    team.need -= 1;
    team.qualifications = [...team.qualifications, 'fire'];
    expect(codes(verifyTeamDraw(audit, scenario, { plan }))).toEqual([]);
    expect(codes(verifyTeamDraw(smaller, scenario, { plan }))).toContain('demand');
    expect(verifyTeamDraw(smaller, scenario, { plan, locale: 'en' }).mismatches.find((m) => m.code === 'demand')).toMatchObject({ found: { need: team.need } });
  });

  it('a hand edit that adds an officer (editPlan): the audit, carried along, no longer describes the plan', () => {
    const { scenario, plan, audit, at } = crowdPlan(8);
    const team = audit.teams[at] as Drawn;
    const spare = team.scanned.find((s) => s.status === 'eligible' && !team.chosen.includes(s.officerId)) as { officerId: string };
    const edited = editPlan(scenario, plan, { kind: 'add-officer', visitId: team.visitId, inspectorId: spare.officerId }).plan;
    expect(edited.audit).toEqual(audit);
    expect(verifyTeamDraw(edited.audit, scenario, { plan: edited }).mismatches.map((m) => [m.code, m.visitId])).toEqual([['plan_visit', team.visitId]]);
  });

  it('an unknown method is refused, not guessed at', () => {
    const { audit } = crowdPlan(3);
    expect(codes(verifyTeamDraw({ ...audit, method: 'team-draw/0' }))).toEqual(['unknown_method']);
  });
});

describe('with the scenario: each candidate really could go', () => {
  it('a candidate who recuses himself from the enterprise (in the scenario given) is not eligible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (seed) => {
        const { scenario, audit, at } = crowdPlan(seed);
        const team = audit.teams[at] as Drawn;
        const officerId = team.chosen[0] as string;
        const changed = { ...scenario, inspectors: scenario.inspectors.map((p) => (p.id === officerId ? { ...p, avoid: [...p.avoid, team.enterpriseId] } : p)) };
        expect(verifyTeamDraw(audit).valid).toBe(true);
        const result = verifyTeamDraw(audit, changed, { locale: 'en' });
        expect(result.mismatches.find((m) => m.code === 'not_eligible' && m.details.inspectorId === officerId)?.message).toMatch(/recuses himself/);
      }),
      { numRuns: 8 },
    );
  });

  it('an officer on leave that day, or of another department, is not eligible; a skip the scenario does not bear out is flagged', () => {
    const { scenario, audit, at } = crowdPlan(4);
    const team = audit.teams[at] as Drawn;
    const officerId = team.chosen[0] as string;
    const onLeave = { ...scenario, inspectors: scenario.inspectors.map((p) => (p.id === officerId ? { ...p, unavailable: [{ from: team.date, to: team.date }] } : p)) };
    expect(codes(verifyTeamDraw(audit, onLeave))).toEqual(expect.arrayContaining(['not_eligible', 'present']));
    const moved = { ...scenario, inspectors: scenario.inspectors.map((p) => (p.id === officerId ? { ...p, departmentId: team.departmentId === 'TAX' ? 'SAMR' : 'TAX' } : p)) };
    expect(codes(verifyTeamDraw(audit, moved))).toContain('not_eligible');
    const forged = structuredClone(audit);
    const first = (forged.teams[at] as Drawn).scanned.find((s) => s.status === 'eligible') as { status: string };
    first.status = 'recused';
    expect(codes(verifyTeamDraw(forged, scenario))).toContain('scan_status');
  });

  it('messages name people, departments and enterprises by name, in zh-CN by default', () => {
    const { scenario, audit, at } = crowdPlan(5);
    const forged = structuredClone(audit);
    const team = forged.teams[at] as Drawn;
    const spare = team.scanned.find((s) => s.status === 'eligible' && !team.chosen.includes(s.officerId)) as { officerId: string };
    team.chosen[0] = spare.officerId;
    const message = verifyTeamDraw(forged, scenario).mismatches.find((m) => m.code === 'team')?.message ?? '';
    const name = scenario.inspectors.find((p) => p.id === spare.officerId)?.name as string;
    expect(message).toContain(`检查组 ${team.visitId}`);
    expect(message).toContain(team.departmentId === 'TAX' ? '税务局' : '市场监管局');
    expect(message).toContain(name);
  });
});

describe('bad input', () => {
  it('law: an audit with any one value replaced (any JSON) gives a verdict or a DrawError, never a crash, and is not mutated', () => {
    const { scenario, plan, audit } = crowdPlan(6);
    const paths = pathsOf(audit);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (at, value) => {
        const forged = structuredClone(audit) as unknown as Record<string, unknown>;
        const path = paths[at] as (string | number)[];
        const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], forged) as Record<string | number, unknown>;
        parent[path[path.length - 1] as string | number] = value;
        const before = JSON.stringify(forged);
        try {
          const result = verifyTeamDraw(forged, scenario, { plan });
          expect(typeof result.valid).toBe('boolean');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
        expect(JSON.stringify(forged)).toBe(before);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('an audit that cannot be read throws a DrawError listing every problem by path', () => {
    expect(() => verifyTeamDraw({ kind: 'team-draw', seed: 'x', teams: [{}] })).toThrow(expect.objectContaining({ name: 'DrawError', issues: expect.arrayContaining([expect.objectContaining({ path: 'seed' }), expect.objectContaining({ path: 'method' })]) }));
  });
});

describe('CLI: plan --audit-teams', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'team-audit-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: (p) => readFile(p, 'utf8'), writeFile: (p, t) => writeFile(p, t, 'utf8'), isTTY: false };
    return { code: await runCli(argv, io), stdout, stderr };
  };

  it('writes a plan whose audit verifies; without the flag there is none; validate reads the audited plan without a warning', async () => {
    const input = fc.sample(arbCrowd, { numRuns: 1, seed: 8 })[0] as ScenarioInput;
    const file = join(dir, 'scenario.json');
    await writeFile(file, JSON.stringify(input), 'utf8');
    const on = await run(['plan', file, '--audit-teams', '--seed', '3']);
    expect(on.code).toBe(0);
    const plan = JSON.parse(on.stdout) as Plan;
    expect(plan.audit?.seed).toBe(3);
    expect(verifyTeamDraw(plan.audit, parseScenario(input), { plan }).valid).toBe(true);
    const off = await run(['plan', file, '--seed', '3']);
    expect(JSON.parse(off.stdout)).not.toHaveProperty('audit');
    const planFile = join(dir, 'plan.json');
    await writeFile(planFile, on.stdout, 'utf8');
    const check = await run(['validate', file, planFile, '--locale', 'en']);
    expect(check.code).toBe(0);
    expect(check.stderr).not.toMatch(/audit/);
  });

  it('the flag is in the help', async () => {
    const help = await run(['plan', '--help', '--locale', 'en']);
    expect(help.stdout).toMatch(/--audit-teams/);
  });
});

// The smallest scenario, by hand: two officers each, so each team is the whole department and every draw is still recorded.
describe('a scenario by hand', () => {
  it('records both departments of the joint visit, with the draw of each officer', () => {
    const { audit } = audited(makeScenario());
    const teams = drawnTeams(audit);
    expect(teams.map((t) => [t.departmentId, [...t.chosen].sort()])).toEqual([
      ['SAMR', ['I1', 'I2']],
      ['TAX', ['I3', 'I4']],
    ]);
    for (const t of teams) for (const s of t.scanned) expect(s.draw).toBeGreaterThanOrEqual(0);
  });
});
