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
console.log(`已编排 ${plan.metrics.visits} 次入企检查（未安排 ${plan.metrics.unscheduled} 项检查任务）；校验：${check.violations.length} 处违规。`);
console.log(`已写入 ${out}：`);
console.log(`  plan.csv            公示清单，${rows} 次入企检查（UTF-8 带 BOM，可直接用电子表格打开）`);
console.log(`  calendars/          ${officers.files.length} 名执法人员的日历（.ics）`);
if (enterprise) console.log(`  ${enterprise.name}  ${enterprise.owner.name}的日历，${enterprise.events} 次检查`);
console.log(`  preview.html        计划预览页面：用浏览器打开`);
if (!check.valid || check.violations.length > 0) process.exitCode = 1;
