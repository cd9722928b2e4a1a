/**
 * Where the benchmark runs its children and writes its files: the repository's bench/results/
 * and docs/, or one folder given with --out-dir.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the children run there, and the log names written files from it. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the results JSON goes. */
export const resultsDir = (outDir: string | undefined): string => (outDir ? path.resolve(outDir) : path.join(ROOT, 'bench', 'results'));

/** Where performance.md and its charts go. */
export const docsDir = (outDir: string | undefined): string => (outDir ? path.resolve(outDir) : path.join(ROOT, 'docs'));

/** A written file as the log shows it: relative to the repository when it is inside it. */
export function shown(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
