/**
 * The HiGHS side of the comparison, in a process of its own (HiGHS runs in WebAssembly and
 * keeps its memory until the process ends). `npm run bench` (bench/jobs.ts) forks this file
 * with a `MipJob` and gets one `MipOutcome` message back. The model is described in
 * bench/mip/model.ts and in docs/performance.md ("HiGHS comparison").
 *
 *   tsx bench/mip.ts SCENARIO.json [--time-limit 60]     (by hand: prints the outcome as JSON)
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/index.js';
import { buildMip, type MipStats } from './mip/model.js';
import { solveMip, type MipResult } from './mip/solve.js';

export interface MipJob {
  scenarioFile: string;
  timeLimitSec: number;
}

export type MipOutcome =
  | { ok: true; stats: MipStats; weight: number; buildMs: number; result: MipResult; peakRssMb: number }
  | { ok: false; message: string };

export async function runMip(job: MipJob): Promise<MipOutcome> {
  try {
    const scenario = parseScenario(readFileSync(job.scenarioFile, 'utf8'));
    const t0 = performance.now();
    const model = buildMip(scenario);
    const buildMs = performance.now() - t0;
    const result = await solveMip(model, { timeLimitSec: job.timeLimitSec });
    return { ok: true, stats: model.stats, weight: model.weight, buildMs, result, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (process.send) {
  process.once('message', (job: MipJob) => {
    void runMip(job).then((outcome) => process.send!(outcome, () => process.exit(0)));
  });
} else if (process.argv[1]?.endsWith('mip.ts') && process.argv[2]) {
  const i = process.argv.indexOf('--time-limit');
  const timeLimitSec = i > 0 ? Number(process.argv[i + 1]) : 60;
  void runMip({ scenarioFile: process.argv[2], timeLimitSec }).then((o) => process.stdout.write(`${JSON.stringify(o, null, 2)}\n`));
}
