/**
 * The figures of one generated scenario planned once: what docs/scenario-generator.md
 * ("Regimes") records per tier and regime, and what the regimes were calibrated with.
 *
 *   tsx bench/generate-cli.ts --tier M --seed 1 --regime cap-bound --out /tmp/M-cap.json
 *   node --import tsx bench/regime-figures.ts /tmp/M-cap.json
 *
 * Plans with the built package (`dist/`, as `npm run bench` does; `npm run build` first) and
 * default options, `locale: 'en'`. Prints one JSON object: occurrences, on-site occurrences,
 * officers, visits, unscheduled by first reason code, the `CAP_REACHED` share of all
 * occurrences and the `STAFF_CAPACITY` + `DISPLACED` share of the on-site ones, `planSync`
 * wall time and phases, and the process's peak RSS (reading, parsing and planning).
 */
import { readFileSync } from 'node:fs';
import type * as Library from '../src/index.js';

const library = (await import(process.env.JI_BENCH_SOURCE === 'src' ? '../src/index.js' : '../dist/index.js')) as typeof Library;
const { parseScenario, planSync } = library;

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node --import tsx bench/regime-figures.ts SCENARIO.json\n');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const json = JSON.parse(text) as { inspectors: unknown[]; requests: unknown[] };
const officers = json.inspectors.length;
const requests = json.requests.length;
const scenario = parseScenario(text);
const t0 = performance.now();
const plan = planSync(scenario, { locale: 'en' });
const planMs = performance.now() - t0;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const reasons: Record<string, number> = {};
for (const u of plan.unscheduled) {
  const code = u.reasons[0]?.code ?? 'none';
  reasons[code] = (reasons[code] ?? 0) + 1;
}
const { occurrences, offsite, visits, unscheduled } = plan.metrics;
const onsite = occurrences - offsite;
const pct = (n: number, of: number) => Math.round((1000 * n) / of) / 10;
process.stdout.write(
  `${JSON.stringify({
    file,
    requests,
    officers,
    occurrences,
    onsite,
    visits,
    lowerBound: plan.metrics.lowerBound,
    unscheduled,
    reasons,
    capReachedPctOfOccurrences: pct(reasons.CAP_REACHED ?? 0, occurrences),
    staffPctOfOnsite: pct((reasons.STAFF_CAPACITY ?? 0) + (reasons.DISPLACED ?? 0), onsite),
    planSyncSec: Math.round(planMs) / 1000,
    phasesMs: plan.meta.phasesMs,
    peakRssMb: Math.round(peakRssMb),
  })}\n`,
);
