/**
 * Where the benchmark runs its children and writes its files: the repository's bench/results/
 * and docs/, or one folder given with --out-dir; and which build of the package they load.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/**
 * A file of the built package as the children load it: from the copy `npm run bench` took when
 * it started (JI_BENCH_DIST), else from dist/. The copy keeps one run on one build: in a shared
 * checkout, a test run elsewhere rebuilds dist/ whenever a source file is newer than it.
 */
export function builtFile(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.JI_BENCH_DIST ? path.join(env.JI_BENCH_DIST, name) : path.join(ROOT, 'dist', name);
}

/** The same, as a URL for `import()`. */
export const builtUrl = (name: string, env: NodeJS.ProcessEnv = process.env): string => pathToFileURL(builtFile(name, env)).href;

/**
 * Copies dist/ under node_modules/.cache (where the package's dependencies still resolve) for
 * this run; returns the folder and a function that removes it.
 */
export function snapshotBuild(): { dir: string; remove: () => void } {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'joint-inspection-bench', `dist-${process.pid}`);
  cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
