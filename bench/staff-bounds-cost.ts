/**
 * What the staff-aware bounds of `metrics` (src/report/staff-bounds.ts) cost inside `planSync`:
 * bundles `planSync` with esbuild, `staffMetricsOf` wrapped by a timer (CPU and wall), and runs
 * the bundle on each scenario in a fresh process, so the bounds run once and cold, as in a real
 * plan. Prints one JSON line per run: the bounds' time, the whole plan's, and the metrics.
 *
 *   npx tsx bench/staff-bounds-cost.ts L.json [M.json …] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const real = join(root, 'src/report/staff-bounds.ts');

const timed = `
import * as real from ${JSON.stringify(real)};
export const staffMetricsOf = (...args) => {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const out = real.staffMetricsOf(...args);
  const c = process.cpuUsage(c0);
  globalThis.boundsCost = { wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000) };
  return out;
};`;

const entry = `
import { readFileSync } from 'node:fs';
import { parseScenario, planSync } from ${JSON.stringify(join(root, 'src/index.ts'))};
const s = parseScenario(JSON.parse(readFileSync(process.argv[2], 'utf8')));
const c0 = process.cpuUsage(); const t0 = performance.now();
const p = planSync(s, { seed: 1 });
const c = process.cpuUsage(c0);
const plan = { wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000) };
console.log(JSON.stringify({ bounds: globalThis.boundsCost, plan, share: +(globalThis.boundsCost.cpuMs / plan.cpuMs * 100).toFixed(2), metrics: p.metrics }));`;

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 1;
const out = join(mkdtempSync(join(tmpdir(), 'staff-bounds-cost-')), 'plan.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'error',
  plugins: [
    {
      name: 'timed-staff-bounds',
      setup(b) {
        b.onResolve({ filter: /staff-bounds\.js$/ }, () => ({ path: 'timed', namespace: 'timed' }));
        b.onLoad({ filter: /.*/, namespace: 'timed' }, () => ({ contents: timed, resolveDir: root, loader: 'js' }));
      },
    },
  ],
});
for (const file of args) {
  for (let i = 0; i < runs; i++) process.stdout.write(`${file} ${execFileSync(process.execPath, [out, file], { encoding: 'utf8' }).trim()}\n`);
}
