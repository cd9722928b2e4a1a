/**
 * Global setup: the built package (`dist/`), made once before any test file runs when it is
 * missing or older than a source file. The package test packs it and the process test runs
 * `dist/cli.cjs`; building here, once, keeps two test files in parallel workers from
 * rebuilding `dist/` under each other's feet, and a stale build is never what is tested.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.cjs'].map((f) => join(ROOT, f));

function newestInputMs(): number {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' });
  const inputs = [...files.map((f) => join(ROOT, 'src', f)), join(ROOT, 'package.json'), join(ROOT, 'tsup.config.ts')];
  return Math.max(...inputs.map((f) => statSync(f).mtimeMs));
}

export default function setup(): void {
  const newest = newestInputMs();
  if (OUTPUTS.every((f) => existsSync(f) && statSync(f).mtimeMs >= newest)) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsup/dist/cli-default.js'), '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stdout}\n${r.stderr}`);
}
