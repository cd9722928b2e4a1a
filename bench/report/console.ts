/** What `npm run bench` prints at the end: the tier tables, the HiGHS comparison and the targets. */
import type { BenchReport } from '../summary.js';
import { mipText } from './mip-table.js';
import { REGIME_HEAD, regimeRowOf, regimeRows, textTable } from './tables.js';
import { targets } from './targets.js';

/** The whole console summary; the targets come last, one line each with its verdict first. */
export function summaryText(report: BenchReport): string {
  const lines = targets(report).map((t) => `${t.status.toUpperCase().padEnd(12)} ${t.target}: ${t.figure}`);
  return `${textTable(report.results)}\n\n${textTable(regimeRows(report.results), REGIME_HEAD, regimeRowOf)}\n${mipText(report.comparisons)}\n${lines.join('\n')}`;
}
