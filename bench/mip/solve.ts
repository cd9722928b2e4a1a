/**
 * Solves a `MipModel` with HiGHS (the `highs` package: HiGHS compiled to WebAssembly, single
 * thread). The persistent model API is used rather than the one-shot `highs.solve(lp, options)`
 * because it also reports the proven bound (`mip_dual_bound`) when the time limit stops the
 * search, which is the figure to publish for a run that does not finish.
 */
import loadHighs from 'highs';
import type { MipModel } from './model.js';

type HighsRuntime = Awaited<ReturnType<typeof loadHighs>>;
let runtime: Promise<HighsRuntime> | undefined;

/** The WebAssembly runtime, loaded once per process. */
export function highsRuntime(): Promise<HighsRuntime> {
  runtime ??= loadHighs();
  return runtime;
}

export interface MipSolveOptions {
  /** HiGHS `time_limit`, seconds. */
  timeLimitSec: number;
}

export const defaultMipSolveOptions: MipSolveOptions = { timeLimitSec: 60 };

export interface MipResult {
  /** HiGHS model status, e.g. `optimal`, `timeLimit`. */
  status: string;
  /** The incumbent is proven optimal. */
  proven: boolean;
  /** The incumbent (best solution found), when there is one. */
  incumbent?: { priority: number; visits: number; objective: number };
  /** Best proven bound on the objective (maximisation: no solution is better). */
  bound?: number;
  /** What the bound proves: scheduled priority ≤ priority; at that priority, visits ≥ visits. */
  proves?: { priority: number; visits?: number };
  readMs: number;
  solveMs: number;
  /**
   * Set when HiGHS's presolve aborted the WebAssembly runtime ("RuntimeError: Aborted()", seen
   * on some models) and the model was solved again, in a fresh runtime, with presolve off.
   */
  presolveOff?: string;
}

export async function solveMip(model: MipModel, options: MipSolveOptions = defaultMipSolveOptions): Promise<MipResult> {
  if (model.stats.candidates === 0) {
    return { status: 'empty', proven: true, incumbent: { priority: 0, visits: 0, objective: 0 }, bound: 0, proves: { priority: 0, visits: 0 }, readMs: 0, solveMs: 0 };
  }
  try {
    return await solveWith(model, options, true);
  } catch (error) {
    if (!String(error).includes('Aborted')) throw error;
    // The aborted runtime is not reused: the next `highsRuntime()` loads a fresh one.
    runtime = undefined;
    const result = await solveWith(model, options, false);
    result.presolveOff = `HiGHS aborted in presolve (${String(error).split('\n')[0]}); solved again with presolve off`;
    return result;
  }
}

async function solveWith(model: MipModel, options: MipSolveOptions, presolve: boolean): Promise<MipResult> {
  const highs = await highsRuntime();
  const statusName = new Map(Object.entries(highs.constants.modelStatus).map(([name, code]) => [code as number, name]));
  const t0 = performance.now();
  return highs.withModel({ format: 'lp', data: model.lp }, (m) => {
    const t1 = performance.now();
    m.options.set({ output_flag: false, time_limit: options.timeLimitSec, mip_rel_gap: 0, ...(presolve ? {} : { presolve: 'off' }) });
    // HiGHS checks `time_limit` only at some points: past presolve, the root LP of a large model
    // ran for over ten minutes in one run. The interrupt callbacks enforce the limit there too.
    const deadline = t1 + options.timeLimitSec * 1000;
    const stop = (event: { interrupt(): void }): undefined => {
      if (performance.now() > deadline) event.interrupt();
      return undefined;
    };
    const cb = highs.constants.callbackType;
    m.run({ [cb.simplexInterrupt]: stop, [cb.ipmInterrupt]: stop, [cb.mipInterrupt]: stop });
    const t2 = performance.now();
    const code = m.getModelStatus();
    const status = statusName.get(code) ?? `status-${code}`;
    const result: MipResult = { status, proven: status === 'optimal', readMs: t1 - t0, solveMs: t2 - t1 };
    const hasSolution = Number(m.info.get('primal_solution_status')) === 2;
    if (hasSolution) {
      const values = m.getSolution().colValue;
      const byName = new Map<string, number>();
      for (let i = 0; i < values.length; i++) byName.set(m.getColName(i), values[i]!);
      const decoded = model.decode((name) => byName.get(name) ?? 0);
      result.incumbent = { ...decoded, objective: m.getObjectiveValue() };
    }
    const bound = status === 'optimal' ? m.getObjectiveValue() : Number(m.info.get('mip_dual_bound'));
    if (Number.isFinite(bound)) {
      result.bound = bound;
      result.proves = boundMeaning(bound, model.weight, result.incumbent?.priority);
    }
    return result;
  });
}

/**
 * Objective W·P − V with 0 ≤ V ≤ W − 1 for any solution worth having: a bound B gives
 * P ≤ floor((B + W − 1) / W); at that very priority, V ≥ W·P − B.
 */
function boundMeaning(bound: number, weight: number, incumbentPriority: number | undefined): { priority: number; visits?: number } {
  const priority = Math.floor((bound + weight - 1 + 1e-6) / weight);
  if (incumbentPriority !== priority) return { priority };
  return { priority, visits: Math.max(0, Math.ceil(weight * priority - bound - 1e-6)) };
}
