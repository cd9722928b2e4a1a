/**
 * The package as a user gets it: the build (made once by the global setup), `npm pack`, the
 * tarball unpacked into a fresh project, then imported from ESM, required from CommonJS and type-checked under `--strict`
 * with `moduleResolution nodenext` (.mts and .cts). Offline: the fresh project's dependencies
 * are links to this repository's `node_modules` (what `npm ci` installed), so no registry is
 * asked — a fresh CI machine needs nothing more than `npm ci`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  sideEffects?: unknown;
  files: string[];
  dependencies: Record<string, string>;
};

let work: string;
let project: string;
let tarballFiles: string[];

/** Runs a command; a failure throws with what it printed (tsc prints its errors on stdout). */
function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

const scenario = {
  version: 1,
  horizon: { from: '2026-03-02', to: '2026-03-06' },
  departments: [{ id: 'SAMR', name: '市场监管局' }],
  items: [{ id: 'food', departmentId: 'SAMR', name: '食品安全', durationMinutes: 60 }],
  enterprises: [{ id: 'E1', name: '某餐饮有限公司' }],
  inspectors: [
    { id: 'I1', name: '张三', departmentId: 'SAMR', certificate: { validFrom: '2024-01-01', validTo: '2030-12-31' } },
    { id: 'I2', name: '李四', departmentId: 'SAMR', certificate: { validFrom: '2024-01-01', validTo: '2030-12-31' } },
  ],
  requests: [{ id: 'R1', departmentId: 'SAMR', enterpriseId: 'E1', itemIds: ['food'], window: { from: '2026-03-02', to: '2026-03-06' } }],
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ji-pack-'));
  // dist/ is built (when stale) once by the global setup, test/setup/build.ts.
  const packed = run('npm', ['pack', '--silent', '--pack-destination', work], ROOT).trim().split('\n').at(-1) as string;
  const tarball = join(work, packed);
  tarballFiles = run('tar', ['-tzf', tarball], work).trim().split('\n');
  // A fresh project with the package unpacked where npm would put it.
  project = join(work, 'app');
  const installed = join(project, 'node_modules', pkg.name);
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], work);
  for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  writeFileSync(join(project, 'scenario.json'), JSON.stringify(scenario));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the build, the JSON schemas and the README, and no sources or tests', () => {
    const files = tarballFiles.map((f) => f.replace(/^package\//, ''));
    for (const f of ['package.json', 'README.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.cjs', 'schema/scenario-v1.json', 'schema/plan-v1.json']) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    expect(pkg.sideEffects).toBe(false);
  });

  it('is imported from ESM and plans a scenario', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import { readFileSync } from 'node:fs';
import { parseScenario, planSync, validatePlan } from '${pkg.name}';
const scenario = parseScenario(JSON.parse(readFileSync('scenario.json', 'utf8')));
const plan = planSync(scenario, { seed: 1 });
console.log(JSON.stringify({ visits: plan.visits.length, valid: validatePlan(scenario, plan).valid }));`,
    );
    expect(JSON.parse(run('node', ['esm.mjs'], project))).toEqual({ visits: 1, valid: true });
  });

  it('is required from CommonJS; validatePlan reads a plan without metrics or meta', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { readFileSync } = require('node:fs');
const ji = require('${pkg.name}');
const scenario = ji.parseScenario(JSON.parse(readFileSync('scenario.json', 'utf8')));
const plan = {
  version: 1,
  visits: [{ id: 'V1', enterpriseId: 'E1', date: '2026-03-03', start: '09:00', end: '10:00', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }],
  offsite: [],
  unscheduled: [],
};
const result = ji.validatePlan(scenario, plan);
console.log(JSON.stringify({ valid: result.valid, errors: [typeof ji.ScenarioError, typeof ji.PlanAssertionError] }));`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs'], project))).toEqual({ valid: true, errors: ['function', 'function'] });
  });

  it('type-checks under --strict with nodenext, from .mts and .cts, and rejects what the types reject', () => {
    const body = (importLine: string) => `${importLine}
export function summary(json: unknown): string {
  const scenario = parseScenario(json);
  const plan: Plan = planSync(scenario, { locale: 'zh-CN' });
  const reason: Reason | undefined = plan.unscheduled[0]?.reasons[0];
  if (reason?.code === 'CAP_REACHED') return reason.details.capId;
  // @ts-expect-error a misspelt code
  if (reason?.code === 'CAP_REACHD') return '';
  // @ts-expect-error a misspelt meta field
  void plan.meta.stopedEarly;
  const codes: readonly ReasonCode[] = REASON_CODES;
  return String(plan.meta.stoppedEarly ?? codes.length);
}
`;
    const names = `parseScenario, planSync, REASON_CODES, type Plan, type Reason, type ReasonCode`;
    writeFileSync(join(project, 'typed.mts'), body(`import { ${names} } from '${pkg.name}';`));
    writeFileSync(join(project, 'typed.cts'), body(`import { ${names} } from '${pkg.name}';`));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    // The package's declarations are checked too (skipLibCheck off); `dom` stands in for Node's
    // AbortSignal (the repository's @types/node is older than its TypeScript and fails a lib check).
    const check = (files: string[]) => {
      const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
      return run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    };
    expect(() => check(['typed.mts', 'typed.cts'])).not.toThrow();
    // The check is not vacuous: a wrong import fails it.
    writeFileSync(join(project, 'wrong.mts'), `import { planSyncc } from '${pkg.name}';\nvoid planSyncc;\n`);
    expect(() => check(['wrong.mts'])).toThrow(/planSyncc/);
  });

  it('declares only the public names (no internal name leaks into dist/index.d.ts)', () => {
    const dts = readFileSync(join(project, 'node_modules', pkg.name, 'dist', 'index.d.ts'), 'utf8');
    const exported = [...dts.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => (m[1] as string).split(',').map((s) => s.trim().split(/\s+as\s+/).at(-1)?.replace(/^type\s+/, '') ?? ''));
    const entry = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
    for (const name of exported) expect(entry, name).toMatch(new RegExp(`\\b${name}\\b`));
    for (const internal of ['scenarioSchema', 'planSchema', 'formatPath', 'makeIssue', 'toDay', 'buildPlan', 'compileProblem', 'ruleModules']) expect(exported).not.toContain(internal);
    expect(readdirSync(join(project, 'node_modules', pkg.name, 'dist')).sort()).toEqual(['cli.cjs', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.js']);
  });
});
