/**
 * `npm run bench`: the planner on the generated tiers in each regime, each run in a fresh child
 * process (bench/measure.ts), then `joint-inspection plan` end to end on the same file (the
 * built CLI), side by side with HiGHS on S and on cuts of M (bench/mip.ts). Prints a table,
 * writes bench/results/<date>.json, and rewrites docs/performance.md and its two charts.
 *
 *   npm run bench [-- --tiers S,M,L,XL|none] [--runs N] [--regimes normal,ample,cap-bound,staff-bound]
 *                 [--xl-regimes normal,ample|all|none] [--cli-runs 1]
 *                 [--ample both|only|none] [--mip S,M|none]
 *                 [--features replan,recommend,explain,draws|none] [--feature-rounds 3]
 *                 [--mip-requests 1000] [--mip-time-limit 60] [--time-limit 600000]
 *                 [--timeout-min 15] [--seed 1] [--date YYYY-MM-DD] [--quick] [--no-docs]
 *                 [--out-dir DIR]
 *   npm run bench -- --from-results bench/results/DATE.json [--with-features bench/results/OTHER.json]
 *
 * Regimes (issue 12): S, M and L in all four by default, XL in normal and ample (`--xl-regimes
 * all` adds cap-bound and staff-bound, several minutes each). The features (bench/features/):
 * replan and recommend on L, explain on M (issue 10), coordinated against independent draws on M
 * and on the demo's scenario (issue 11), after the tiers and whatever --tiers says (none with
 * --quick unless --features is given).
 *
 * Every plan is checked with validatePlan before its figures count; an invalid plan, a crash or
 * a child that does not finish in time is reported as a failure, never dropped.
 *
 * This file only runs the steps in order: options (bench/options.ts), the child jobs
 * (bench/jobs.ts), the figures (bench/summary.ts), and what is printed and written
 * (bench/report/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateScenario, type ScenarioJson } from './generator/index.js';
import { measureFeatures } from './features/run.js';
import { measureCli, measureScenario, solveWithHighs } from './jobs.js';
import { machineInfo } from './machine.js';
import { parseArgs, regimesFor, runsFor, type BenchTier, type Options, type Variant } from './options.js';
import { docsDir, resultsDir, ROOT, shown, snapshotBuild } from './paths.js';
import { summaryText } from './report/console.js';
import { writeDocs } from './report/docs.js';
import { readReport, reportJson, summarize, thinTrace, type BenchReport, type CliRecord, type MipComparison, type Summary, type TierResult } from './summary.js';

type ScenarioFile = (tier: BenchTier, variant: Variant) => string;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const o = parseArgs(argv);
  if (o.fromResults) {
    // The measurements stay as they were; only their presentation is written again.
    const report = readReport(o.fromResults);
    // The features of another run (e.g. `--tiers none --mip none`), shown with these tiers.
    if (o.withFeatures) {
      const other = readReport(o.withFeatures);
      report.features = other.features ?? {};
      report.featuresRun = { date: other.date, command: other.command, machine: other.machine, options: other.options, file: path.relative(ROOT, path.resolve(o.withFeatures)) };
    }
    process.stdout.write(`${summaryText(report)}\n`);
    if (o.docs) process.stderr.write(`wrote ${writeDocs(report, docsDir(o.outDir)).map(shown).join(', ')}\n`);
    return;
  }
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const machine = machineInfo();
  const started = performance.now();
  const loadAtStart = os.loadavg();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'joint-inspection-bench-'));
  // Every child loads this copy of the build just made, whatever rebuilds dist/ meanwhile.
  const snapshot = snapshotBuild();
  process.env.JI_BENCH_DIST = snapshot.dir;
  const build = buildInfo();
  process.stderr.write(`${command}\n${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}${build ? `; commit ${build.commit}${build.srcChanged ? ' with changes in src/' : ''}` : ''}\n`);
  try {
    const scenarioFile = scenarioFiles(o, tmp);
    const results = await measureTiers(o, scenarioFile, tmp);
    const comparisons = await compareWithHighs(o, scenarioFile, tmp, results);
    const features = o.features.length > 0 ? await measureFeatures(o, (tier) => scenarioFile(tier, 'normal'), tmp) : undefined;
    const elapsedSec = Math.round((performance.now() - started) / 1000);
    const loadAverage = { start: loadAtStart.map(round2), end: os.loadavg().map(round2) };
    const report: BenchReport = { date: o.date, command, machine, ...(build ? { build } : {}), elapsedSec, loadAverage, options: o, results, comparisons, ...(features ? { features } : {}) };
    if (!writeReport(report)) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    snapshot.remove();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The commit the package was built from, and whether src/ had changes not committed; undefined without git. */
function buildInfo(): BenchReport['build'] {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), srcChanged: git('status', '--porcelain', '--', 'src') !== '' };
  } catch {
    return undefined;
  }
}

/** Generates each scenario once, on first use, into `tmp`; gives its file. */
function scenarioFiles(o: Options, tmp: string): ScenarioFile {
  const files = new Map<string, string>();
  return (tier, variant) => {
    const key = `${tier}-${variant}`;
    let file = files.get(key);
    if (!file) {
      file = path.join(tmp, `${key}.json`);
      writeFileSync(file, JSON.stringify(generateScenario({ tier, seed: o.seed, regime: variant })));
      files.set(key, file);
    }
    return file;
  };
}

function requestCount(file: string): number {
  return (JSON.parse(readFileSync(file, 'utf8')) as ScenarioJson).requests.length;
}

/** The planner on every tier and regime asked for: planSync runs, then the CLI end to end. */
async function measureTiers(o: Options, scenarioFile: ScenarioFile, tmp: string): Promise<TierResult[]> {
  const results: TierResult[] = [];
  for (const tier of o.tiers) {
    const regimes = regimesFor(o, tier);
    if (regimes.length === 0) process.stderr.write(`${tier}: no regime (--xl-regimes none)\n`);
    for (const variant of regimes) {
      const file = scenarioFile(tier, variant);
      const requests = requestCount(file);
      const label = `${tier} ${variant}`;
      process.stderr.write(`${label}: ${requests} requests\n`);
      const runs = await measureScenario(o, label, file, runsFor(o, tier, variant));
      const cli: CliRecord[] = [];
      // After a planSync run that did not finish or crashed, the CLI would only repeat it.
      const finished = runs.every((r) => r.status !== 'did-not-finish' && r.status !== 'crashed');
      for (let r = 1; finished && r <= (o.cliRuns ?? 1); r++) cli.push(await measureCli(o, label, file, tmp, r));
      results.push({ tier, variant, requests, runs, summary: summarize(runs), ...(cli.length > 0 ? { cli } : {}) });
    }
  }
  return results;
}

/** The regimes whose M cuts HiGHS solves: a cut of cap-bound M would keep its caps and history but drop its programmes (they come last), and staff-bound cuts are left to the exact staff model. */
const CUT_REGIMES: readonly Variant[] = ['normal', 'ample'];

/**
 * HiGHS against the planner on S (the planner's runs above, if S was measured) and on M cut to
 * its first N requests for each N of --mip-requests; the M cuts' planner runs are added to `results`.
 */
async function compareWithHighs(o: Options, scenarioFile: ScenarioFile, tmp: string, results: TierResult[]): Promise<MipComparison[]> {
  const comparisons: MipComparison[] = [];
  // S whole; M as each cut of `--mip-requests`.
  type Compared = { tier: 'S' | 'M'; cut: number | undefined };
  const scenarios = o.mip.flatMap((tier): Compared[] => (tier === 'S' ? [{ tier, cut: undefined }] : o.mipRequests.map((cut) => ({ tier, cut }))));
  for (const { tier, cut } of scenarios) {
    for (const variant of regimesFor(o, tier).filter((v) => cut === undefined || CUT_REGIMES.includes(v))) {
      let file: string;
      let label: string;
      let requests: number;
      let planner: Summary | undefined;
      let plannerStatus = 'ok';
      if (tier === 'S') {
        file = scenarioFile('S', variant);
        requests = requestCount(file);
        label = `S ${variant}`;
        const measured = results.find((r) => r.tier === 'S' && r.variant === variant);
        const runs = measured?.runs ?? (await measureScenario(o, label, file, runsFor(o, 'S', variant)));
        planner = measured?.summary ?? summarize(runs);
        plannerStatus = runs.find((r) => r.status !== 'ok')?.status ?? 'ok';
      } else {
        const full = JSON.parse(readFileSync(scenarioFile('M', variant), 'utf8')) as ScenarioJson;
        const cutScenario = { ...full, requests: full.requests.slice(0, cut) };
        requests = cutScenario.requests.length;
        file = path.join(tmp, `M-cut-${cut}-${variant}.json`);
        writeFileSync(file, JSON.stringify(cutScenario));
        label = `M-cut-${cut} ${variant}`;
        process.stderr.write(`${label}: the first ${requests} requests of M\n`);
        const runs = await measureScenario(o, label, file, runsFor(o, 'M', variant));
        planner = summarize(runs);
        plannerStatus = runs.find((r) => r.status !== 'ok')?.status ?? 'ok';
        results.push({ tier: `M-cut-${cut}`, variant, requests, runs, summary: planner });
      }
      const mip = await solveWithHighs(o, label, file);
      comparisons.push({ label, tier, variant, ...(cut !== undefined ? { cut } : {}), requests, planner, plannerStatus, mip });
    }
  }
  return comparisons;
}

/** Prints the summary and writes the results JSON and the docs; false if a plan was invalid or a run failed. */
function writeReport(report: BenchReport): boolean {
  const o = report.options;
  process.stdout.write(`\n${summaryText(report)}\n`);
  const failures = report.results.flatMap((r) => r.runs.filter((x) => x.status === 'invalid-plan' || x.status === 'error').map(() => `${r.tier} ${r.variant}`));
  for (const r of report.results) for (const c of r.cli ?? []) if (c.status === 'error') failures.push(`${r.tier} ${r.variant} CLI: ${c.detail?.split('\n')[0] ?? ''}`);
  for (const [name, outcome] of Object.entries(report.features ?? {})) if (outcome && !outcome.ok) failures.push(`${name}: ${outcome.message.split('\n')[0]}`);
  if (failures.length > 0) process.stdout.write(`\n!!!!!!!! FAILURES: ${failures.join(', ')} — see above !!!!!!!!\n`);

  const dir = resultsDir(o.outDir);
  mkdirSync(dir, { recursive: true });
  const jsonFile = path.join(dir, `${o.date}.json`);
  for (const r of report.results) for (const run of r.runs) if (run.figures) run.figures.trace = thinTrace(run.figures.trace);
  writeFileSync(jsonFile, reportJson(report));
  process.stderr.write(`wrote ${shown(jsonFile)}\n`);
  if (o.docs) {
    process.stderr.write(`wrote ${writeDocs(report, docsDir(o.outDir)).map(shown).join(', ')}\n`);
  }
  return failures.length === 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
