/**
 * The two jobs `npm run bench` runs in child processes: a measured planner run
 * (bench/measure.ts) and a HiGHS solve (bench/mip.ts). Each is logged as it ends and turned into
 * a record for the report; a time-out or a crash becomes a failure record, never an exception.
 */
import { runChild } from './child.js';
import type { MeasureJob, MeasureResult } from './measure.js';
import type { MipJob, MipOutcome } from './mip.js';
import type { Options } from './options.js';
import type { MipComparison, RunRecord } from './summary.js';

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
