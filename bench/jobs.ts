/**
 * The jobs `npm run bench` runs in child processes: a measured planner run (bench/measure.ts),
 * `joint-inspection plan` end to end (the built CLI, as a user runs it), and a HiGHS solve
 * (bench/mip.ts). Each is logged as it ends and turned into a record for the report; a time-out
 * or a crash becomes a failure record, never an exception.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runChild } from './child.js';
import type { MeasureJob, MeasureResult } from './measure.js';
import type { MipJob, MipOutcome } from './mip.js';
import type { Options } from './options.js';
import { builtFile, ROOT } from './paths.js';
import type { CliRecord, MipComparison, RunRecord } from './summary.js';

/** `runs` planner runs on the scenario in `file`, each in a fresh child; stops after a time-out or a crash. */
export async function measureScenario(o: Options, label: string, file: string, runs: number): Promise<RunRecord[]> {
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

/**
 * `node dist/cli.cjs plan FILE --out OUT --seed … --time-limit … --locale en` (the run's copy of dist/, bench/paths.ts) in a fresh process:
 * the wall time from the spawn to the exit (start-up, reading, parsing, planning, writing), and
 * the process's peak RSS (bench/cli-rss.cjs, preloaded, writes it at exit). The plan written is
 * read after the timing for its visits and scheduled count, which the caller compares with planSync's.
 */
export async function measureCli(o: Options, label: string, file: string, tmp: string, run: number): Promise<CliRecord> {
  const out = path.join(tmp, 'cli-plan.json');
  const rssFile = path.join(tmp, 'cli-rss.txt');
  rmSync(rssFile, { force: true });
  rmSync(out, { force: true });
  const args = ['--require', path.join(ROOT, 'bench', 'cli-rss.cjs'), builtFile('cli.cjs'), 'plan', file, '--out', out, '--seed', String(o.seed), '--time-limit', String(o.timeLimitMs), '--locale', 'en'];
  const timeoutMs = o.timeoutMin * 60_000;
  const ended = await new Promise<{ ms: number; code: number | null; signal: string | null; stderr: string; timedOut: boolean }>((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, JI_BENCH_RSS_FILE: rssFile } });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      resolve({ ms, code, signal, stderr: stderr.trim(), timedOut });
    });
  });
  let rec: CliRecord;
  if (ended.timedOut) rec = { status: 'did-not-finish', detail: `killed after ${o.timeoutMin} min` };
  else if (ended.code !== 0) rec = { status: 'error', detail: `exit code ${ended.code}, signal ${ended.signal}: ${ended.stderr.split('\n').slice(-5).join(' | ')}` };
  else {
    try {
      const plan = JSON.parse(readFileSync(out, 'utf8')) as { metrics: { visits: number; scheduled: number } };
      rec = { status: 'ok', wallMs: ended.ms, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, visits: plan.metrics.visits, scheduled: plan.metrics.scheduled };
    } catch (error) {
      rec = { status: 'error', detail: `the CLI exited 0 but its plan or RSS could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  rmSync(out, { force: true });
  process.stderr.write(`  ${label} CLI ${run}/${o.cliRuns ?? 1}: ${rec.status} — ${rec.wallMs !== undefined ? `${(rec.wallMs / 1000).toFixed(2)} s, ${rec.peakRssMb!.toFixed(0)} MB, ${rec.visits} visits` : rec.detail}\n`);
  return rec;
}

/** HiGHS on the scenario in `file`, in a child of its own, stopped at --mip-time-limit. */
export async function solveWithHighs(o: Options, label: string, file: string): Promise<MipComparison['mip']> {
  process.stderr.write(`  ${label}: HiGHS (time limit ${o.mipTimeLimitSec} s)…\n`);
  const job: MipJob = { scenarioFile: file, timeLimitSec: o.mipTimeLimitSec };
  // Building and reading the LP take a while on M; HiGHS itself is stopped at its limit.
  const mipTimeoutMs = Math.min(o.timeoutMin * 60_000, (o.mipTimeLimitSec + 120) * 1000);
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
  return mip;
}
