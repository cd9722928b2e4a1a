/** The HiGHS comparison as rows: what HiGHS reached, its times and model size, and the speed-up. */
import type { MipComparison } from '../summary.js';
import { n0, n1, n2 } from './tables.js';

/** HiGHS's answer in words, and its figures where it proved an optimum or at least finished. */
export function mipFigure(c: MipComparison): { text: string; proven: boolean; priority?: number; visits?: number; seconds?: number } {
  if (!c.mip.ok) {
    const killed = c.mip.message.startsWith('had not returned');
    return { text: killed ? `did not finish: ${c.mip.message}; no incumbent or bound to report` : `failed: ${c.mip.message}`, proven: false };
  }
  const r = c.mip.result;
  const seconds = (c.mip.buildMs + r.readMs + r.solveMs) / 1000;
  const note = r.presolveOff ? ` (${r.presolveOff})` : '';
  if (r.proven && r.incumbent) return { text: `optimal: priority ${r.incumbent.priority}, ${r.incumbent.visits} visits${note}`, proven: true, priority: r.incumbent.priority, visits: r.incumbent.visits, seconds };
  const inc = r.incumbent ? `incumbent priority ${r.incumbent.priority}, ${r.incumbent.visits} visits` : 'no incumbent';
  const bound = r.proves ? `bound: priority ≤ ${r.proves.priority}${r.proves.visits !== undefined ? `, visits ≥ ${r.proves.visits}` : ''}` : 'no finite bound (the root LP relaxation was not solved)';
  return { text: `did not finish in ${Math.round(r.solveMs / 1000)} s (${r.status}); ${inc}; ${bound}${note}`, proven: false, seconds };
}

/** The comparison's columns; `mipRows` gives one row a scenario. */
export const MIP_HEAD = ['scenario', 'requests', 'planner: priority / visits', 'planner s', 'HiGHS', 'HiGHS s: build + read + solve', 'MIP columns × rows', 'planner faster by'];

export function mipRows(comparisons: readonly MipComparison[]): string[][] {
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

/** The comparison for the console: one block a scenario, a line a column. */
export function mipText(comparisons: readonly MipComparison[]): string {
  if (comparisons.length === 0) return '';
  return `\nHiGHS comparison\n${mipRows(comparisons).map((r) => MIP_HEAD.map((h, i) => `  ${h}: ${r[i]}`).join('\n')).join('\n\n')}\n`;
}
