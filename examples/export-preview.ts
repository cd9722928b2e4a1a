/**
 * `npm run example:export-preview [-- OUT_DIR]`: plans a small seeded scenario (a few
 * hundred occurrences, about a second) and writes its exports: the publication list
 * (`plan.csv`, 一公开), every officer's calendar (`calendars/officer-*.ics`), one enterprise's
 * calendar, and the preview page (`preview.html`, open it in a browser). Without OUT_DIR it
 * writes into a new temporary directory and prints where.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateScenario } from '../bench/generator/index.js';
import { exportCsv, exportIcs, parseScenario, planSync, renderPreview, validatePlan } from '../src/index.js';

const out = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(tmpdir(), 'joint-inspection-export-'));
mkdirSync(join(out, 'calendars'), { recursive: true });

const scenario = parseScenario(generateScenario({ tier: 'S', seed: 7 }));
const plan = planSync(scenario, { seed: 7 });
const check = validatePlan(scenario, plan);

// 一公开: no officer names, no unannounced checks (see docs/export.md)
const csv = exportCsv(scenario, plan);
writeFileSync(join(out, 'plan.csv'), csv);

const officers = exportIcs(scenario, plan);
for (const file of officers.files) writeFileSync(join(out, 'calendars', file.name), file.text);
const busiest = [...scenario.enterprises].sort((a, b) => plan.visits.filter((v) => v.enterpriseId === b.id).length - plan.visits.filter((v) => v.enterpriseId === a.id).length)[0];
const enterprise = busiest ? exportIcs(scenario, plan, { for: 'enterprise', id: busiest.id }).files[0] : undefined;
if (enterprise) writeFileSync(join(out, enterprise.name), enterprise.text);

writeFileSync(join(out, 'preview.html'), renderPreview(scenario, plan, { title: '红旗区联合检查计划预览（示例）' }));

const rows = csv.split('\r\n').length - 2;
console.log(`Planned ${plan.metrics.visits} visits (${plan.metrics.unscheduled} occurrences unscheduled); validatePlan: ${check.violations.length} violations.`);
console.log(`Wrote to ${out}:`);
console.log(`  plan.csv            ${rows} visits for publication (UTF-8 with BOM; opens in a spreadsheet)`);
console.log(`  calendars/          ${officers.files.length} officer calendars (.ics)`);
if (enterprise) console.log(`  ${enterprise.name}  ${enterprise.events} visits to ${enterprise.owner.name}`);
console.log(`  preview.html        the preview: open it in a browser`);
if (!check.valid || check.violations.length > 0) process.exitCode = 1;
