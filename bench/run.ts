/**
 * `npm run bench`: the planner on the generated tiers, each run in a fresh child process
 * (bench/measure.ts), side by side with HiGHS on S and a cut of M (bench/mip.ts). Prints a
 * table, writes bench/results/<date>.json, and rewrites docs/performance.md and its two charts.
 *
 *   npm run bench [-- --tiers S,M,L,XL] [--runs N] [--ample both|only|none] [--mip S,M|none]
 *                 [--mip-requests 3000] [--mip-time-limit 60] [--time-limit 600000]
 *                 [--timeout-min 15] [--seed 1] [--date YYYY-MM-DD] [--quick] [--no-docs]
 *
 * Every plan is checked with validatePlan before its figures count; an invalid plan, a crash or
 * a child that does not finish in time is reported as a failure, never dropped.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScenario, type ScenarioJson } from './generator/index.js';
import type { MeasureJob, MeasureResult, RunFigures, TracePoint } from './measure.js';
import type { MipJob, MipOutcome } from './mip.js';
import { anytimeChart, logLogChart, type Series } from './svg.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIER_ORDER = ['S', 'M', 'L', 'XL'] as const;
type BenchTier = (typeof TIER_ORDER)[number];
type Variant = 'normal' | 'ample';

// ---- options ---------------------------------------------------------------------------

interface Options {
  tiers: BenchTier[];
  runs: number | undefined;
  ample: 'both' | 'only' | 'none';
  mip: ('S' | 'M')[];
  mipRequests: number;
  mipTimeLimitSec: number;
  timeLimitMs: number;
  timeoutMin: number;
  seed: number;
  date: string;
  docs: boolean;
  /** Re-render the table and the docs from a results file instead of measuring. */
  fromResults: string | undefined;
}

const USAGE =
  'usage: npm run bench -- [--tiers S,M,L,XL] [--runs N] [--ample both|only|none] [--mip S,M|none] [--mip-requests N] [--mip-time-limit SEC] [--time-limit MS] [--timeout-min MIN] [--seed N] [--date YYYY-MM-DD] [--quick] [--no-docs] | --from-results bench/results/DATE.json';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function localDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function parseArgs(args: readonly string[]): Options {
  let tiers: BenchTier[] | undefined;
  let mip: ('S' | 'M')[] | undefined;
  let runs: number | undefined;
  let quick = false;
  const o = { ample: 'both' as Options['ample'], mipRequests: 3000, mipTimeLimitSec: 60, timeLimitMs: 600_000, timeoutMin: 15, seed: 1, date: localDate(), docs: true, fromResults: undefined as string | undefined };
  const int = (name: string, v: string | undefined, min = 0) => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < min) fail(`${name} needs an integer ≥ ${min}`);
    return Number(v);
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.includes('=') ? [args[i]!.slice(0, args[i]!.indexOf('=')), args[i]!.slice(args[i]!.indexOf('=') + 1)] : [args[i]!, undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--tiers': {
        const list = (value() ?? '').split(',').filter(Boolean);
        if (list.length === 0 || list.some((t) => !TIER_ORDER.includes(t as BenchTier))) fail('--tiers takes a list of S, M, L, XL');
        tiers = TIER_ORDER.filter((t) => list.includes(t));
        break;
      }
      case '--runs':
        runs = int('--runs', value(), 1);
        break;
      case '--ample': {
        const v = value();
        if (v !== 'both' && v !== 'only' && v !== 'none') fail('--ample takes both, only or none');
        o.ample = v;
        break;
      }
      case '--mip': {
        const v = value() ?? '';
        const list = v === 'none' ? [] : v.split(',').filter(Boolean);
        if (list.some((t) => t !== 'S' && t !== 'M')) fail('--mip takes S, M, S,M or none');
        mip = (['S', 'M'] as const).filter((t) => list.includes(t));
        break;
      }
      case '--mip-requests':
        o.mipRequests = int('--mip-requests', value(), 1);
        break;
      case '--mip-time-limit':
        o.mipTimeLimitSec = int('--mip-time-limit', value(), 1);
        break;
      case '--time-limit':
        o.timeLimitMs = int('--time-limit', value(), 1);
        break;
      case '--timeout-min':
        o.timeoutMin = int('--timeout-min', value(), 1);
        break;
      case '--seed':
        o.seed = int('--seed', value());
        break;
      case '--date': {
        const v = value();
        if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) fail('--date takes YYYY-MM-DD');
        o.date = v;
        break;
      }
      case '--quick':
        quick = true;
        break;
      case '--no-docs':
        o.docs = false;
        break;
      case '--from-results':
        o.fromResults = value();
        if (!o.fromResults) fail('--from-results needs a file');
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
      default:
        fail(`unknown argument ${args[i]}`);
    }
  }
  return {
    ...o,
    tiers: tiers ?? (quick ? ['S', 'M'] : [...TIER_ORDER]),
    runs: runs ?? (quick ? 1 : undefined),
    mip: mip ?? (quick ? ['S'] : ['S', 'M']),
  };
}

const runsFor = (o: Options, tier: BenchTier) => o.runs ?? (tier === 'S' || tier === 'M' ? 3 : 1);
const variantsOf = (o: Options): Variant[] => (o.ample === 'both' ? ['normal', 'ample'] : o.ample === 'only' ? ['ample'] : ['normal']);

// ---- child processes -------------------------------------------------------------------

type ChildOutcome<T> = { kind: 'message'; value: T } | { kind: 'timeout'; afterMs: number } | { kind: 'crash'; code: number | null; signal: string | null; stderr: string };

function runChild<T>(file: string, job: object, timeoutMs: number): Promise<ChildOutcome<T>> {
  return new Promise((resolve) => {
    const child = fork(path.join(ROOT, file), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    let settled = false;
    const done = (outcome: ChildOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done({ kind: 'timeout', afterMs: timeoutMs });
    }, timeoutMs);
    child.once('message', (value) => done({ kind: 'message', value: value as T }));
    child.once('exit', (code, signal) => done({ kind: 'crash', code, signal, stderr: stderr.trim() }));
    child.send(job);
  });
}

// ---- the planner runs ------------------------------------------------------------------

interface RunRecord {
  status: 'ok' | 'invalid-plan' | 'error' | 'did-not-finish' | 'crashed';
  figures?: RunFigures;
  detail?: string;
}

interface TierResult {
  tier: string;
  variant: Variant;
  /** Requests in the scenario (M-cut only differs from the generator's). */
  requests: number;
  runs: RunRecord[];
  summary?: Summary;
}

interface Summary {
  occurrences: number;
  wallSec: number;
  wallSecRuns: number[];
  peakRssMb: number;
  occPerSec: number;
  scheduledPriority: number;
  onsitePriority: number;
  scheduledPct: number;
  visits: number;
  lowerBound: number;
  gapPct: number;
  separateVisits: number | undefined;
  visitsSaved: number | undefined;
  personVisits: number;
  unscheduled: number;
  rounds: number | undefined;
  stoppedEarly: string | undefined;
  parseSec: number;
  validateSec: number;
  /** Runs of one tier whose plans differ in objective (should never happen: same seed). */
  objectiveDiffers: boolean;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function summarize(runs: readonly RunRecord[]): Summary | undefined {
  const good = runs.filter((r) => r.status === 'ok').map((r) => r.figures!);
  if (good.length === 0 || good.length !== runs.length) return undefined;
  const f = good[0]!;
  const m = f.metrics;
  const wall = good.map((g) => g.wallMs / 1000);
  const wallSec = median(wall);
  return {
    occurrences: m.occurrences,
    wallSec,
    wallSecRuns: wall,
    peakRssMb: Math.max(...good.map((g) => g.peakRssMb)),
    occPerSec: m.occurrences / wallSec,
    scheduledPriority: f.scheduledPriority,
    onsitePriority: f.onsitePriority,
    scheduledPct: (100 * f.scheduledPriority) / Math.max(1, f.onsitePriority),
    visits: m.visits,
    lowerBound: m.lowerBound,
    gapPct: m.lowerBound > 0 ? (100 * (m.visits - m.lowerBound)) / m.lowerBound : 0,
    separateVisits: m.separateVisits,
    visitsSaved: m.visitsSaved,
    personVisits: m.personVisits,
    unscheduled: m.unscheduled,
    rounds: f.meta.rounds as number | undefined,
    stoppedEarly: f.meta.stoppedEarly as string | undefined,
    parseSec: median(good.map((g) => g.parseMs / 1000)),
    validateSec: median(good.map((g) => g.validateMs / 1000)),
    objectiveDiffers: good.some((g) => g.scheduledPriority !== f.scheduledPriority || g.metrics.visits !== m.visits),
  };
}

async function measureScenario(o: Options, label: string, file: string, runs: number): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (let r = 1; r <= runs; r++) {
    const job: MeasureJob = { scenarioFile: file, seed: o.seed, timeLimitMs: o.timeLimitMs };
    const out = await runChild<MeasureResult>('bench/measure.ts', job, o.timeoutMin * 60_000);
    let rec: RunRecord;
    if (out.kind === 'timeout') rec = { status: 'did-not-finish', detail: `killed after ${o.timeoutMin} min` };
    else if (out.kind === 'crash') rec = { status: 'crashed', detail: `exit code ${out.code}, signal ${out.signal}: ${out.stderr.split('\n').slice(-5).join(' | ')}` };
    else if (out.value.ok) rec = { status: 'ok', figures: out.value.figures };
    else if (out.value.kind === 'invalid-plan') rec = { status: 'invalid-plan', figures: out.value.figures, detail: `${out.value.violations} violations: ${out.value.sample.join(' | ')}` };
    else rec = { status: 'error', detail: out.value.message };
    records.push(rec);
    const f = rec.figures;
    const line = f
      ? `${(f.wallMs / 1000).toFixed(2)} s, ${f.peakRssMb.toFixed(0)} MB, ${f.metrics.visits} visits`
      : rec.detail;
    process.stderr.write(`  ${label} run ${r}/${runs}: ${rec.status} — ${line}\n`);
    if (rec.status !== 'ok') {
      process.stderr.write(`\n!!!!!!!! ${label} run ${r}: ${rec.status.toUpperCase()} !!!!!!!!\n${rec.detail}\n\n`);
    }
    if (rec.status === 'did-not-finish' || rec.status === 'crashed') break; // a second try would only repeat it
  }
  return records;
}

// ---- the HiGHS comparison ----------------------------------------------------------------

interface MipComparison {
  label: string;
  tier: 'S' | 'M';
  variant: Variant;
  requests: number;
  planner: Summary | undefined;
  plannerStatus: string;
  mip: MipOutcome | { ok: false; message: string };
}

// ---- main --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const o = parseArgs(argv);
  if (o.fromResults) {
    // The measurements stay as they were; only their presentation is written again.
    const report = JSON.parse(readFileSync(o.fromResults, 'utf8'), (_k, v: unknown) => (v === 'Infinity' ? Infinity : v)) as BenchReport;
    process.stdout.write(`${summaryText(report)}\n`);
    if (o.docs) process.stderr.write(`wrote ${writeDocs(report).join(', ')}\n`);
    return;
  }
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const machine = machineInfo();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'joint-inspection-bench-'));
  process.stderr.write(`${command}\n${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}\n`);

  const files = new Map<string, string>();
  const scenarioFile = (tier: BenchTier, variant: Variant): string => {
    const key = `${tier}-${variant}`;
    let file = files.get(key);
    if (!file) {
      file = path.join(tmp, `${key}.json`);
      writeFileSync(file, JSON.stringify(generateScenario({ tier, seed: o.seed, ampleStaff: variant === 'ample' })));
      files.set(key, file);
    }
    return file;
  };

  const results: TierResult[] = [];
  try {
    for (const tier of o.tiers) {
      for (const variant of variantsOf(o)) {
        const file = scenarioFile(tier, variant);
        const requests = (JSON.parse(readFileSync(file, 'utf8')) as ScenarioJson).requests.length;
        process.stderr.write(`${tier} ${variant}: ${requests} requests\n`);
        const runs = await measureScenario(o, `${tier} ${variant}`, file, runsFor(o, tier));
        results.push({ tier, variant, requests, runs, summary: summarize(runs) });
      }
    }

    const comparisons: MipComparison[] = [];
    for (const tier of o.mip) {
      for (const variant of variantsOf(o)) {
        let file: string;
        let label: string;
        let requests: number;
        let planner: Summary | undefined;
        let plannerStatus = 'ok';
        if (tier === 'S') {
          file = scenarioFile('S', variant);
          requests = (JSON.parse(readFileSync(file, 'utf8')) as ScenarioJson).requests.length;
          label = `S ${variant}`;
          const measured = results.find((r) => r.tier === 'S' && r.variant === variant);
          const runs = measured?.runs ?? (await measureScenario(o, label, file, runsFor(o, 'S')));
          planner = measured?.summary ?? summarize(runs);
          plannerStatus = runs.find((r) => r.status !== 'ok')?.status ?? 'ok';
        } else {
          const full = JSON.parse(readFileSync(scenarioFile('M', variant), 'utf8')) as ScenarioJson;
          const cut = { ...full, requests: full.requests.slice(0, o.mipRequests) };
          requests = cut.requests.length;
          file = path.join(tmp, `M-cut-${variant}.json`);
          writeFileSync(file, JSON.stringify(cut));
          label = `M-cut ${variant}`;
          process.stderr.write(`${label}: the first ${requests} requests of M\n`);
          const runs = await measureScenario(o, label, file, runsFor(o, 'M'));
          planner = summarize(runs);
          plannerStatus = runs.find((r) => r.status !== 'ok')?.status ?? 'ok';
          results.push({ tier: 'M-cut', variant, requests, runs, summary: planner });
        }
        process.stderr.write(`  ${label}: HiGHS (time limit ${o.mipTimeLimitSec} s)…\n`);
        const job: MipJob = { scenarioFile: file, timeLimitSec: o.mipTimeLimitSec };
        // Building and reading the LP take a while on M; HiGHS itself is stopped at its limit.
        const mipTimeoutMs = Math.min(o.timeoutMin * 60_000, (o.mipTimeLimitSec + 300) * 1000);
        const out = await runChild<MipOutcome>('bench/mip.ts', job, mipTimeoutMs);
        const mip: MipComparison['mip'] =
          out.kind === 'message'
            ? out.value
            : {
                ok: false,
                message:
                  out.kind === 'timeout'
                    ? `had not returned ${Math.round(mipTimeoutMs / 60_000)} min after it started (time_limit ${o.mipTimeLimitSec} s): killed`
                    : `crashed (exit code ${out.code}, signal ${out.signal}): ${out.stderr.split('\n').slice(-3).join(' | ')}`,
              };
        process.stderr.write(`  ${label}: HiGHS ${mip.ok ? `${mip.result.status}, ${((mip.result.readMs + mip.result.solveMs) / 1000).toFixed(1)} s` : mip.message}\n`);
        comparisons.push({ label, tier, variant, requests, planner, plannerStatus, mip });
      }
    }

    const report: BenchReport = { date: o.date, command, machine, options: o, results, comparisons };
    process.stdout.write(`\n${summaryText(report)}\n`);
    const failures = results.flatMap((r) => r.runs.filter((x) => x.status === 'invalid-plan' || x.status === 'error').map(() => `${r.tier} ${r.variant}`));
    if (failures.length > 0) process.stdout.write(`\n!!!!!!!! FAILURES: ${failures.join(', ')} — see above !!!!!!!!\n`);

    const resultsDir = path.join(ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const jsonFile = path.join(resultsDir, `${o.date}.json`);
    for (const r of results) for (const run of r.runs) if (run.figures) run.figures.trace = thinTrace(run.figures.trace);
    writeFileSync(jsonFile, `${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 1)}\n`);
    process.stderr.write(`wrote ${path.relative(ROOT, jsonFile)}\n`);
    if (o.docs) {
      process.stderr.write(`wrote ${writeDocs(report).join(', ')}\n`);
    }
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The trace without reports that repeat the previous one (same phase, same objective): the same step curve. */
function thinTrace(trace: readonly TracePoint[]): TracePoint[] {
  return trace.filter((p, i) => {
    const q = trace[i - 1];
    const same = q && q.phase === p.phase && q.scheduledPriority === p.scheduledPriority && q.visits === p.visits && q.personVisits === p.personVisits;
    return !same || i === trace.length - 1;
  });
}

// ---- machine -----------------------------------------------------------------------------

interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
}

function machineInfo(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return { cpu, cores: os.cpus().length, ramGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}` };
}

// ---- reporting ---------------------------------------------------------------------------

interface BenchReport {
  date: string;
  command: string;
  machine: Machine;
  options: Options;
  results: TierResult[];
  comparisons: MipComparison[];
}

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
const n1 = (v: number) => v.toFixed(1);
const n2 = (v: number) => v.toFixed(2);

function statusOf(r: TierResult): string {
  const bad = r.runs.find((x) => x.status !== 'ok');
  if (!bad) return 'valid';
  if (bad.status === 'invalid-plan') return '**INVALID PLAN**';
  if (bad.status === 'did-not-finish') return `did not finish (${bad.detail})`;
  return bad.status.toUpperCase();
}

const HEAD = ['tier', 'staff', 'occurrences', 'runs', 'wall s (median)', 'peak RSS MB', 'occ/s', 'sched. priority %', 'visits', 'lowerBound', 'gap %', 'separate', 'saved', 'person-visits', 'rounds', 'stoppedEarly', 'plan'];

function rowOf(r: TierResult): string[] {
  const s = r.summary;
  if (!s) {
    const f = r.runs.find((x) => x.figures)?.figures;
    return [r.tier, r.variant, f ? n0(f.metrics.occurrences) : '?', String(r.runs.length), f ? n2(f.wallMs / 1000) : '—', f ? n0(f.peakRssMb) : '—', ...Array(10).fill('—'), statusOf(r)];
  }
  return [
    r.tier,
    r.variant,
    n0(s.occurrences),
    String(r.runs.length),
    n2(s.wallSec),
    n0(s.peakRssMb),
    n0(s.occPerSec),
    n2(s.scheduledPct),
    n0(s.visits),
    n0(s.lowerBound),
    n2(s.gapPct),
    s.separateVisits !== undefined ? n0(s.separateVisits) : '—',
    s.visitsSaved !== undefined ? n0(s.visitsSaved) : '—',
    n0(s.personVisits),
    String(s.rounds ?? '—'),
    s.stoppedEarly ?? 'no',
    statusOf(r),
  ];
}

function textTable(results: readonly TierResult[]): string {
  const rows = [HEAD, ...results.map(rowOf)].map((r) => r.map((c) => c.replace(/\*\*/g, '')));
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** A markdown table; columns in `left` are left-aligned, the others (figures) right-aligned. */
function summaryText(report: BenchReport): string {
  const lines = targets(report).map((t) => `${t.status.toUpperCase().padEnd(12)} ${t.target}: ${t.figure}`);
  return `${textTable(report.results)}\n${mipText(report.comparisons)}\n${lines.join('\n')}`;
}

function markdownTable(head: readonly string[], rows: readonly string[][], left: readonly number[] = [0, 1]): string {
  const align = head.map((_, i) => (left.includes(i) ? '---' : '---:')).join('|');
  return [`| ${head.join(' | ')} |`, `|${align}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function mipFigure(c: MipComparison): { text: string; proven: boolean; priority?: number; visits?: number; seconds?: number } {
  if (!c.mip.ok) {
    const killed = c.mip.message.startsWith('had not returned');
    return { text: killed ? `did not finish: ${c.mip.message}; no incumbent or bound to report` : `failed: ${c.mip.message}`, proven: false };
  }
  const r = c.mip.result;
  const seconds = (c.mip.buildMs + r.readMs + r.solveMs) / 1000;
  if (r.proven && r.incumbent) return { text: `optimal: priority ${r.incumbent.priority}, ${r.incumbent.visits} visits`, proven: true, priority: r.incumbent.priority, visits: r.incumbent.visits, seconds };
  const inc = r.incumbent ? `incumbent priority ${r.incumbent.priority}, ${r.incumbent.visits} visits` : 'no incumbent';
  const bound = r.proves ? `bound: priority ≤ ${r.proves.priority}${r.proves.visits !== undefined ? `, visits ≥ ${r.proves.visits}` : ''}` : 'no finite bound (the root LP relaxation was not solved)';
  return { text: `did not finish in ${Math.round(r.solveMs / 1000)} s (${r.status}); ${inc}; ${bound}`, proven: false, seconds };
}

function mipRows(comparisons: readonly MipComparison[]): string[][] {
  return comparisons.map((c) => {
    const p = c.planner;
    const m = mipFigure(c);
    const stats = c.mip.ok ? `${n0(c.mip.stats.columns)} × ${n0(c.mip.stats.rows)}, ${n1(c.mip.stats.lpBytes / 1e6)} MB LP` : '—';
    const times = c.mip.ok ? `${n1(c.mip.buildMs / 1000)} + ${n1(c.mip.result.readMs / 1000)} + ${n1(c.mip.result.solveMs / 1000)}` : '—';
    const speed = p && m.seconds !== undefined ? `${m.proven ? '' : '≥ '}${n0(m.seconds / p.wallSec)}×` : '—';
    return [
      c.label,
      String(c.requests),
      p ? `${p.scheduledPriority} / ${p.visits}` : c.plannerStatus,
      p ? n2(p.wallSec) : '—',
      m.text,
      times,
      stats,
      speed,
    ];
  });
}

const MIP_HEAD = ['scenario', 'requests', 'planner: priority / visits', 'planner s', 'HiGHS', 'HiGHS s: build + read + solve', 'MIP columns × rows', 'planner faster by'];

function mipText(comparisons: readonly MipComparison[]): string {
  if (comparisons.length === 0) return '';
  return `\nHiGHS comparison\n${mipRows(comparisons).map((r) => MIP_HEAD.map((h, i) => `  ${h}: ${r[i]}`).join('\n')).join('\n\n')}\n`;
}

interface Target {
  target: string;
  status: 'met' | 'missed' | 'not measured' | 'reported';
  figure: string;
}

function targets(report: BenchReport): Target[] {
  const find = (tier: string, variant: Variant) => report.results.find((r) => r.tier === tier && r.variant === variant);
  const variants = variantsOf(report.options);
  const out: Target[] = [];
  const each = (tier: string, test: (r: TierResult) => { ok: boolean; figure: string } | undefined) => {
    const parts = variants.map((v) => ({ v, r: find(tier, v) })).filter((x) => x.r !== undefined);
    if (parts.length === 0) return { status: 'not measured' as const, figure: `${tier} not run` };
    const judged = parts.map(({ v, r }) => ({ v, j: test(r!) ?? { ok: false, figure: statusOf(r!).replace(/\*/g, '') } }));
    return { status: judged.every((x) => x.j.ok) ? ('met' as const) : ('missed' as const), figure: judged.map((x) => `${x.v}: ${x.j.figure}`).join('; ') };
  };
  out.push({ target: 'L: a valid plan in at most 10 s wall', ...each('L', (r) => (r.summary ? { ok: r.summary.wallSec <= 10, figure: `${n1(r.summary.wallSec)} s` } : undefined)) });
  out.push({ target: 'L: peak memory at most 1.5 GB (1,536 MiB)', ...each('L', (r) => (r.summary ? { ok: r.summary.peakRssMb <= 1536, figure: `${n0(r.summary.peakRssMb)} MiB` } : undefined)) });
  out.push({ target: 'XL: at most 60 s wall', ...each('XL', (r) => (r.summary ? { ok: r.summary.wallSec <= 60, figure: `${n1(r.summary.wallSec)} s` } : undefined)) });
  const ratio = variants
    .map((v) => ({ v, m: find('M', v)?.summary, l: find('L', v)?.summary }))
    .filter((x) => find('M', x.v) && find('L', x.v));
  if (ratio.length === 0) out.push({ target: 'near-linear growth: L at most 12× the time of M (10× the occurrences)', status: 'not measured', figure: 'M and L not both run' });
  else {
    const judged = ratio.map((x) => (x.m && x.l ? { v: x.v, ok: x.l.wallSec <= 12 * x.m.wallSec, f: `${n1(x.l.wallSec / x.m.wallSec)}× (M ${n1(x.m.wallSec)} s, L ${n1(x.l.wallSec)} s; log–log slope ${n2(Math.log(x.l.wallSec / x.m.wallSec) / Math.log(x.l.occurrences / x.m.occurrences))})` } : { v: x.v, ok: false, f: 'L or M did not give a valid plan' }));
    out.push({ target: 'near-linear growth: L at most 12× the time of M (10× the occurrences)', status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => `${j.v}: ${j.f}`).join('; ') });
  }
  const ample = report.results.filter((r) => r.variant === 'ample');
  if (ample.length === 0) out.push({ target: 'ample staff: visits within 2% of lowerBound', status: 'not measured', figure: 'no ample tier run' });
  else {
    const judged = ample.map((r) => (r.summary ? { ok: r.summary.gapPct <= 2, f: `${r.tier} ${n2(r.summary.gapPct)}%` } : { ok: false, f: `${r.tier} ${statusOf(r).replace(/\*/g, '')}` }));
    out.push({ target: 'ample staff: visits within 2% of lowerBound', status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => j.f).join('; ') });
  }
  const provenAmple = report.comparisons.filter((c) => c.variant === 'ample' && mipFigure(c).proven);
  if (provenAmple.length === 0) out.push({ target: 'ample staff: 0% from the MIP optimum where HiGHS proves one', status: 'not measured', figure: 'no proven MIP optimum on an ample scenario' });
  else {
    const judged = provenAmple.map((c) => {
      const m = mipFigure(c);
      const p = c.planner;
      return p ? { ok: p.scheduledPriority === m.priority && p.visits === m.visits, f: `${c.label}: planner ${p.scheduledPriority} / ${p.visits}, MIP ${m.priority} / ${m.visits}` } : { ok: false, f: `${c.label}: planner ${c.plannerStatus}` };
    });
    out.push({ target: 'ample staff: 0% from the MIP optimum where HiGHS proves one', status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => j.f).join('; ') });
  }
  const tight = report.results.filter((r) => r.variant === 'normal' && r.summary);
  out.push({ target: 'tight (normal) staff: gap to lowerBound', status: tight.length > 0 ? 'reported' : 'not measured', figure: tight.map((r) => `${r.tier} ${n2(r.summary!.gapPct)}% (${r.summary!.visits - r.summary!.lowerBound} visits over the bound)`).join('; ') || '—' });
  const s = report.comparisons.filter((c) => c.tier === 'S');
  if (s.length === 0) {
    out.push({ target: 'HiGHS on S: the same optimum', status: 'not measured', figure: 'no S comparison run' });
    out.push({ target: 'HiGHS on S: planner at least 10× faster', status: 'not measured', figure: 'no S comparison run' });
  } else {
    const same = s.map((c) => {
      const m = mipFigure(c);
      const p = c.planner;
      if (!p) return { ok: false, f: `${c.label}: planner ${c.plannerStatus}` };
      if (!m.proven) return { ok: false, f: `${c.label}: HiGHS ${m.text}` };
      return { ok: p.scheduledPriority === m.priority && p.visits === m.visits, f: `${c.label}: planner ${p.scheduledPriority} / ${p.visits}, MIP ${m.priority} / ${m.visits}` };
    });
    out.push({ target: 'HiGHS on S: the same optimum (scheduled priority / visits)', status: same.every((j) => j.ok) ? 'met' : 'missed', figure: same.map((j) => j.f).join('; ') });
    const fast = s.map((c) => {
      const p = c.planner;
      if (!p || !c.mip.ok) return { ok: false, f: `${c.label}: not comparable` };
      const solveOnly = c.mip.result.solveMs / 1000;
      return { ok: solveOnly >= 10 * p.wallSec, f: `${c.label}: ${n0(solveOnly / p.wallSec)}× (planner ${n2(p.wallSec)} s; HiGHS solve alone ${n1(solveOnly)} s)` };
    });
    out.push({ target: 'HiGHS on S: planner at least 10× faster (against HiGHS solve time alone)', status: fast.every((j) => j.ok) ? 'met' : 'missed', figure: fast.map((j) => j.f).join('; ') });
  }
  const m = report.comparisons.filter((c) => c.tier === 'M');
  out.push({ target: `HiGHS on M cut to ${report.options.mipRequests} requests: what it reached in ${report.options.mipTimeLimitSec} s`, status: m.length > 0 ? 'reported' : 'not measured', figure: m.map((c) => `${c.label}: ${mipFigure(c).text}`).join('; ') || 'no M comparison run' });
  return out;
}

// ---- docs --------------------------------------------------------------------------------

const COLORS: Record<Variant, string> = { normal: '#1f5fa8', ample: '#d2691e' };

/** Writes docs/performance.md and the charts there is data for; returns the files written. */
function writeDocs(report: BenchReport): string[] {
  const written = ['docs/performance.md'];
  const docs = path.join(ROOT, 'docs');
  const measured = report.results.filter((r) => TIER_ORDER.includes(r.tier as BenchTier));
  const series: Series[] = variantsOf(report.options).map((v) => ({
    name: v === 'normal' ? 'normal staff' : 'ample staff',
    color: COLORS[v],
    dashed: v === 'ample',
    points: measured
      .filter((r) => r.variant === v)
      .map((r) => {
        const f = r.runs.find((x) => x.figures)?.figures;
        const occ = r.summary?.occurrences ?? f?.metrics.occurrences ?? 0;
        if (r.summary) return { x: occ, y: r.summary.wallSec, label: `${r.tier} ${r.summary.wallSec < 10 ? n2(r.summary.wallSec) : n1(r.summary.wallSec)} s` };
        if (r.runs[0]?.status === 'did-not-finish') return { x: expectedOccurrences(r.tier), y: report.options.timeoutMin * 60, label: `${r.tier} > ${report.options.timeoutMin} min`, open: true };
        return { x: occ, y: f ? f.wallMs / 1000 : 0, label: `${r.tier} ${statusOf(r).replace(/\*/g, '')}`, open: true };
      }),
  }));
  const m = measured.find((r) => r.tier === 'M' && r.summary);
  const hasChart = series.some((s) => s.points.some((p) => p.x > 0 && p.y > 0));
  if (hasChart) {
    writeFileSync(
      path.join(docs, 'bench-time-vs-size.svg'),
      logLogChart({
        title: 'Planner wall time against scenario size (log–log)',
        xLabel: 'occurrences',
        yLabel: 'wall seconds (median)',
        series,
        ...(m?.summary ? { guideThrough: { x: m.summary.occurrences, y: m.summary.wallSec } } : {}),
      }),
    );
    written.push('docs/bench-time-vs-size.svg');
  }
  const anytime = variantsOf(report.options)
    .map((v) => ({ v, f: measured.find((r) => r.tier === 'L' && r.variant === v)?.runs.find((x) => x.figures)?.figures }))
    .filter((x): x is { v: Variant; f: RunFigures } => x.f !== undefined);
  if (anytime.length > 0) {
    const pts = (f: RunFigures, key: 'scheduledPriority' | 'visits') =>
      f.trace.filter((p): p is TracePoint & Required<Pick<TracePoint, typeof key>> => p[key] !== undefined).map((p) => ({ x: p.t, y: p[key] }));
    writeFileSync(
      path.join(docs, 'bench-anytime-L.svg'),
      anytimeChart({
        title: 'Tier L: best plan so far against elapsed time (from onProgress)',
        xLabel: 'elapsed seconds',
        panels: [
          { yLabel: 'scheduled priority', series: anytime.map(({ v, f }) => ({ name: `${v} staff`, color: COLORS[v], dashed: v === 'ample', points: pts(f, 'scheduledPriority') })) },
          { yLabel: 'visits', series: anytime.map(({ v, f }) => ({ name: `${v} staff`, color: COLORS[v], dashed: v === 'ample', points: pts(f, 'visits') })) },
        ],
      }),
    );
    written.push('docs/bench-anytime-L.svg');
  }
  writeFileSync(path.join(docs, 'performance.md'), performanceMd(report, hasChart, anytime.length > 0));
  return written;
}

function expectedOccurrences(tier: string): number {
  return { S: 500, M: 15_000, L: 150_000, XL: 500_000 }[tier] ?? 0;
}

function performanceMd(report: BenchReport, timeChart: boolean, anytimeChartWritten: boolean): string {
  const o = report.options;
  const mc = report.machine;
  const t = targets(report);
  const failures = report.results.filter((r) => r.runs.some((x) => x.status === 'invalid-plan' || x.status === 'error'));
  const notes = report.results.filter((r) => r.summary?.objectiveDiffers).map((r) => `${r.tier} ${r.variant}`);
  const lines: string[] = [
    '# Performance',
    '',
    '<!-- Written by `npm run bench` (bench/run.ts); edit that file, not this one. `npm run bench -- --from-results bench/results/DATE.json` writes it again from a results file without measuring. -->',
    '',
    `Measured on **${report.date}** with \`${report.command}\`. Raw figures: \`bench/results/${report.date}.json\`.`,
    '',
    `**Machine:** ${mc.cpu}, ${mc.cores} cores, ${mc.ramGb} GB RAM, Node ${mc.node}, ${mc.os}.`,
    '',
    '## How it is measured',
    '',
    `- Scenarios come from the seeded generator (\`bench/generator/\`, docs/scenario-generator.md), seed ${o.seed}, each tier with its normal staff and its ample-staff variant (same enterprises, requests, caps and history; only the officers differ).`,
    `- Each run is a fresh child process (\`node --import tsx bench/measure.ts\`): it reads the scenario's JSON from a file, parses it (\`parseScenario\`, not timed) and calls \`planSync(scenario, { seed: ${o.seed}, timeLimitMs: ${o.timeLimitMs}, computeSeparateVisits: true })\`. **Wall time** is that call alone (compile, construction, improvement rounds, report, separate-visits estimate). The time limit is generous on purpose: the planner stops when a round improves nothing, and the figure shows what it really needs; \`stoppedEarly\` would say if the limit was hit. A child that has not answered after ${o.timeoutMin} min is killed and reported as *did not finish*.`,
    '- **Peak RSS** is `process.resourceUsage().maxRSS` of that child right after `planSync` returns: reading, parsing and planning, not validation (the end-of-process figure, validation included, is in the JSON).',
    '- The machine is shared with other engineers\' work; nothing stops another process from running at the same time, so a single L or XL figure can carry some noise.',
    '- Every plan is checked with `validatePlan` after the timed part and **before** its figures count; an invalid plan is a failure and is shown as such below, never averaged in.',
    `- Runs per tier: ${o.runs ?? '3 for S and M, 1 for L and XL'}; the table shows the median wall time and the largest peak RSS. The plan is the same in every run (same seed); the JSON has every run.`,
    '- **sched. priority %** = scheduled priority / total priority of the occurrences that need a visit (off-site ones excluded). **gap %** = (visits − lowerBound) / lowerBound, where `lowerBound` is the planner\'s proven bound (docs/planner.md; it ignores staff and caps, so it is loose when they bind). **separate** = `metrics.separateVisits` (visits if every department went alone), **saved** = `visitsSaved`.',
    '',
    '## Results',
    '',
    markdownTable(HEAD, report.results.map(rowOf)),
    '',
  ];
  if (failures.length > 0) {
    lines.push(`> **FAILURES** — ${failures.map((r) => `${r.tier} ${r.variant}: ${r.runs.find((x) => x.status === 'invalid-plan' || x.status === 'error')!.detail}`).join('; ')}`, '');
  }
  if (notes.length > 0) lines.push(`> Runs of ${notes.join(', ')} gave different objectives although the seed was the same.`, '');
  const others = report.results.filter((r) => r.summary);
  if (others.length > 0) {
    lines.push(`Not in the wall time: parsing ${others.map((r) => `${r.tier}/${r.variant} ${n2(r.summary!.parseSec)} s`).join(', ')}; validation ${others.map((r) => `${r.tier}/${r.variant} ${n2(r.summary!.validateSec)} s`).join(', ')}.`, '');
  }
  lines.push('## Targets', '', `On this ${mc.cores}-core machine, \`npm run bench\` with default options${report.command === 'npm run bench' ? '' : ' (this run: `' + report.command + '`; a target whose tier was not run says so)'}.`, '');
  for (const x of t) lines.push(`- ${x.target}: **${x.status}** — ${x.figure}`);
  lines.push('');
  if (timeChart) lines.push('## Time against size', '', '![Planner wall time against occurrences, log–log, normal and ample staff](bench-time-vs-size.svg)', '', 'The dotted line has slope 1 through M: a planner whose time grows linearly with the occurrences would follow it. A hollow marker is a run that did not finish (plotted at the time-out) or failed.', '');
  if (anytimeChartWritten) lines.push('## Anytime curve, tier L', '', '![Best scheduled priority and visits against elapsed seconds on L](bench-anytime-L.svg)', '', 'Each step is an `onProgress` report of the best plan so far (`best.scheduledPriority`, `best.visits`). The first point is the end of construction; compilation comes before it.', '');
  lines.push(...observations(report), ...mipSection(report));
  return `${lines.join('\n')}\n`;
}

/** Facts the figures show on their own: growth between tiers, and where staff binds. */
function observations(report: BenchReport): string[] {
  const out: string[] = [];
  for (const v of variantsOf(report.options)) {
    const tiers = report.results.filter((r) => r.variant === v && TIER_ORDER.includes(r.tier as BenchTier) && r.summary);
    const steps = tiers.slice(1).map((r, i) => {
      const a = tiers[i]!.summary!;
      const b = r.summary!;
      return `${tiers[i]!.tier}→${r.tier} ${n2(Math.log(b.wallSec / a.wallSec) / Math.log(b.occurrences / a.occurrences))}`;
    });
    if (steps.length > 0) out.push(`- Growth of wall time with occurrences (log–log slope; 1 = linear), ${v} staff: ${steps.join(', ')}.`);
  }
  for (const r of report.results.filter((x) => (x.tier === 'L' || x.tier === 'XL') && x.variant === variantsOf(report.options)[0] && x.summary)) {
    const f = r.runs[0]!.figures!;
    const starts: { phase: string; t: number }[] = [];
    for (const p of f.trace) if (starts[starts.length - 1]?.phase !== p.phase) starts.push({ phase: p.phase, t: p.t });
    const marks = starts.slice(1).map((p) => `${p.phase} ${n1(p.t)} s`);
    out.push(`- Where the time goes on ${r.tier} (${r.variant} staff): the first \`onProgress\` report of each phase came at ${marks.join(', ')} (construct is reported when construction ends, so compile and construction come before it; report includes the separate-visits estimate).`);
  }
  const same = TIER_ORDER.filter((t) => {
    const a = report.results.find((r) => r.tier === t && r.variant === 'normal')?.summary;
    const b = report.results.find((r) => r.tier === t && r.variant === 'ample')?.summary;
    return a && b && a.scheduledPriority === b.scheduledPriority && a.visits === b.visits;
  });
  if (same.length > 0) {
    out.push(`- Staff does not bind in the generated normal-staff tiers ${same.join(', ')}: their plans have exactly the scheduled priority and visits of the ample-staff variant. The "tight" figures are therefore not a test of the planner under scarce staff.`);
  }
  return out.length > 0 ? ['## Observations', '', ...out, ''] : [];
}

function mipSection(report: BenchReport): string[] {
  const o = report.options;
  const lines = [
    '## HiGHS comparison',
    '',
    '`bench/mip.ts` writes each scenario as a mixed-integer program (CPLEX LP text, `bench/mip/model.ts`) and solves it with [HiGHS](https://highs.dev) 1.15 compiled to WebAssembly (the `highs` package, single thread), in a child process of its own, in the same `npm run bench`. The planner\'s figures are those of the runs above (same scenario, same seed).',
    '',
    '**The model.** `x[o,d]` ∈ {0,1} for each on-site occurrence and each of its feasible days, computed in `bench/mip/feasible.ts` from the contract with the public calendar helpers (window ∩ horizon ∩ working days, no make-up day under `forbid` ∩ enterprise available ∩ quiet periods ∩ `fixedDate`; whitelist, jurisdiction and parts longer than the enterprise\'s longest visit excluded outright; and, a necessary condition, days on which the department\'s eligible officers — certificate, leave, area, recusal, qualifications — could not field the team on their own); `y[e,d]` ∈ {0,1}, a visit to enterprise e on day d (so at most one per enterprise-day). Constraints: each occurrence at most once; `x ≤ y`; per visit and department, the minutes ≤ the enterprise\'s longest visit; an exclusive occurrence alone (`x[o,d] + x[o\',d] ≤ y[e,d]`); `maxDepartmentsPerVisit` through department indicators `z[e,d,k]`; every cap with history — per enterprise or per enterprise-department tallies, calendar periods and rolling windows (`Σ ≤ limit − history` in each), `minGapDays` as "at most one counting visit in any span of minGapDays days", and days too close to a counting history event removed; staff as an **aggregate** capacity per department and day: teams (`min·z` plus the extra officers an occurrence asks for) ≤ Σ `maxVisitsPerDay` of the officers present, and Σ need × minutes ≤ Σ `maxMinutesPerDay`. Objective: maximise W·Σ priority·x − Σ y with W = N + 1 (N = occurrences with a feasible day; an optimal solution has at most N visits), so priority dominates and visits break ties — the order of contract §3, points 2 and 3.',
    '',
    '**A relaxation when staff binds.** The staff constraints pool officers: they ignore which officer goes where, visit times and overlaps, travel time, and that recusal, areas and qualifications must hold for the team actually sent. So the MIP\'s optimum is an **upper bound** on what any valid plan can reach when staff binds (the normal-staff scenarios), and **exact** when staff is ample. A planner result equal to it is therefore proven optimal; a result below it may be the planner\'s shortfall or the bound\'s slack. `test/bench/mip.test.ts` checks the model: on 150 small ample-staff scenarios with caps and history its optimum equals the exhaustive optimum of `test/support/exact.ts`, on 30 small tight-staff ones it is never below a valid plan of the planner, and pinned examples cover exclusivity, gaps and rolling windows with history, and pooled staff.',
    '',
    `**M cut.** M (15,000 occurrences) is far beyond what the MIP can take, so the comparison uses **M cut to its first ${o.mipRequests} requests** (the generator writes requests enterprise by enterprise, so the cut keeps whole enterprises, plus a few top-up requests); calendar, enterprises, officers, caps and history are M\'s unchanged. Its staff is therefore that of the whole of M for about a fifth of the work: staff rarely binds there. The planner is run on exactly the same cut.`,
    '',
    `HiGHS options: \`time_limit\` ${o.mipTimeLimitSec} s, \`mip_rel_gap\` 0 (the objective is integral, so "optimal" means proven). HiGHS checks its time limit only at some points (on large models it was seen to pass the limit at the end of presolve and run on for over ten minutes), so the bench also interrupts it from its simplex, interior-point and MIP callbacks once the limit has passed, and kills the child 5 minutes after it. Times: building the LP text + HiGHS reading it + HiGHS solving; the "faster by" column uses all three, the S target below HiGHS's solve time alone.`,
    '',
  ];
  if (report.comparisons.length === 0) return [...lines, 'Not run in this benchmark (`--mip none`).', ''];
  lines.push(markdownTable(MIP_HEAD, mipRows(report.comparisons), [0, 4, 6]), '');
  lines.push('"did not finish" is HiGHS stopped by its time limit: the incumbent is the best solution it had, and the bound what it had proven about the optimum (priority ≤ …; visits ≥ … at that priority).', '');
  return lines;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
