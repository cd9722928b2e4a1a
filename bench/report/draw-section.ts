/** The section of docs/performance.md on random draws (issue 11): how they are compared, and the figures. */
import type { BenchReport } from '../summary.js';
import { markdownTable, n0, n1 } from './tables.js';

export function drawSection(report: BenchReport): string[] {
  const lines = ['## Random draws (issue 11)', ''];
  const draws = report.features?.draws;
  lines.push(
    'What coordinated random draws (双随机) save. `bench/draw-compare.ts` gives each department of a generated scenario (normal regime) one draw task — its first on-site item, the enterprises that item applies to, the published grade ratios 30/10/2/1 % scaled by 0.5–1.5 per department — strips the scenario\'s own requests, draws the same sample sizes (a) **independently**, as departments do when they draw alone, and (b) **coordinated** (`coordinateWith`: shared permanent random numbers), and plans each set of requests alone with `planSync`; both plans must pass `validatePlan`. `npm run bench` runs it (`--features draws`) on tier M and on the demo\'s scenario (tier demo, seeds 2026, time limit 10 s: what `npm run demo` prints), each in a child process on the built package. Method and more figures: [draw.md](draw.md). The same comparison alone, on the sources:',
    '',
    '```',
    'npx tsx bench/draw.ts --tier M --seed 1        # draw seed 2026, plan seed 1',
    '```',
    '',
  );
  if (!draws) return [...lines, 'Not run in this benchmark (`--features` without `draws`, or a results file from before they were measured).', ''];
  if (!draws.ok) return [...lines, `**Failed:** ${draws.message.split('\n')[0] ?? ''}`, ''];
  const run = report.featuresRun;
  const mc = run?.machine ?? report.machine;
  lines.push(`Measured on **${run?.date ?? report.date}** with \`${run?.command ?? report.command}\` on ${mc.cpu}, ${mc.cores} cores, Node ${mc.node}; plan times are \`planSync\` alone, on a shared machine.`, '');
  const rows: string[][] = [];
  for (const c of draws.figures.cases) {
    const name = `${c.tier} seed ${c.seed} (${n0(c.enterprises)} enterprises, ${c.tasks} draws)`;
    for (const [way, r] of [['independent', c.independent], ['coordinated, same sizes', c.coordinated]] as const) {
      rows.push([name, way, n0(r.drawn), n0(r.requests), n0(r.scheduled), n0(r.visits), `${n1(r.planMs / 1000)} s`]);
    }
    if (c.joint) {
      const who = c.joint.departments.join('+');
      rows.push([name, `${who} alone, ${n0(c.joint.sample)} each`, n0(c.joint.independent.drawn), n0(c.joint.independent.requests), n0(c.joint.independent.scheduled), n0(c.joint.independent.visits), `${n1(c.joint.independent.planMs / 1000)} s`]);
      rows.push([name, `${who} joint (one sample)`, n0(c.joint.joint.drawn), n0(c.joint.joint.requests), n0(c.joint.joint.scheduled), n0(c.joint.joint.visits), `${n1(c.joint.joint.planMs / 1000)} s`]);
    }
  }
  lines.push(markdownTable(['scenario', 'draws', 'drawn', 'requests', 'scheduled', 'visits', 'plan time'], rows), '');
  const saved = draws.figures.cases.map((c) => `**${c.tier}: ${n0(c.saved)} visits saved (${n1((100 * c.saved) / Math.max(1, c.independent.visits))} % of ${n0(c.independent.visits)})${c.joint ? `, joint draw ${n0(c.joint.saved)} saved (of ${n0(c.joint.independent.visits)})` : ''}**`);
  lines.push(`${saved.join('; ')}. Draw seed ${draws.figures.cases.map((c) => `${c.drawSeed} (${c.tier})`).join(', ')}; plan seed ${draws.figures.cases.map((c) => `${c.planSeed} (${c.tier})`).join(', ')}. Coordinated samples nest inside one another, so the planner merges their requests into joint visits; independent samples meet only by chance. The joint draw (部门联合双随机抽查): the first department draws one sample at its ratios and the next three inspect the same enterprises with it (its participants), against the four departments each drawing that many enterprises alone (same population and ratios, own random numbers).`, '');
  return lines;
}
