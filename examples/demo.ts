/**
 * `npm run demo`: plans a built-in, realistic scenario — a city district's year with 12
 * departments, about 2,000 enterprises and 6,000 requests — and prints a preview: the
 * summary, the visits of one week, and three occurrences that could not be placed, with
 * their reasons in Chinese, then what coordinated random draws (双随机) save against independent ones.
 * The scenario comes from the seeded generator in `bench/`.
 */
import { compareDraws } from '../bench/draw-compare.js';
import { generateScenario } from '../bench/generator/index.js';
import { formatDay, parseDay, isoWeekday, parseScenario, planSync, validatePlan, type Plan, type Scenario } from '../src/index.js';

const SEED = 2026;
const WEEK_OF = '2026-03-09';

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const cut = (s: string, n: number) => {
  if (width(s) <= n) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > n - 1) return `${out}…`;
    out += ch;
  }
  return out;
};

function table(headers: string[], rows: string[][], max: number[]): string {
  const cells = rows.map((r) => r.map((c, i) => cut(c, max[i] ?? 40)));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function summary(scenario: Scenario, plan: Plan, ms: number, violations: number): string {
  const m = plan.metrics;
  const byReason = new Map<string, number>();
  for (const u of plan.unscheduled) for (const r of u.reasons.slice(0, 1)) byReason.set(r.code, (byReason.get(r.code) ?? 0) + 1);
  const reasons = [...byReason].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || '—';
  const gap = m.lowerBound > 0 ? ((m.visits - m.lowerBound) / m.lowerBound) * 100 : 0;
  const rows: [string, string][] = [
    ['场景 scenario', `${scenario.departments.length} 个部门, ${scenario.enterprises.length} 家企业, ${scenario.inspectors.length} 名执法人员, ${scenario.requests.length} 项检查需求 (${scenario.horizon.from} – ${scenario.horizon.to})`],
    ['检查任务 occurrences', String(m.occurrences)],
    ['已安排 scheduled', `${m.scheduled} (${((m.scheduled / Math.max(1, m.occurrences - m.offsite)) * 100).toFixed(1)}% of on-site)`],
    ['非现场 off-site', String(m.offsite)],
    ['未安排 unscheduled', `${m.unscheduled}: ${reasons}`],
    ['入企次数 visits', String(m.visits)],
    ['各部门单独检查 separate visits', `${m.separateVisits ?? '—'} → 少进企业 ${m.visitsSaved ?? '—'} 次 (visits saved)`],
    ['下界 lower bound', `${m.lowerBound} (gap ${gap.toFixed(2)}%)`],
    ['人次 person-visits', String(m.personVisits)],
    ['校验 validatePlan', violations === 0 ? '0 violations' : `${violations} VIOLATIONS`],
    ['用时 time', `${(ms / 1000).toFixed(2)} s`],
  ];
  return rows.map(([k, v]) => `  ${pad(k, 34)}${v}`).join('\n');
}

/** Names to show: the name alone, or `name (id)` when another record shares the name. */
function labels(records: readonly { id: string; name: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of records) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return new Map(records.map((r) => [r.id, (count.get(r.name) ?? 0) > 1 ? `${r.name}(${r.id})` : r.name]));
}

function weekTable(scenario: Scenario, plan: Plan): string {
  const monday = parseDay(WEEK_OF) as number;
  const start = monday - (isoWeekday(monday) - 1);
  const days = new Set(Array.from({ length: 7 }, (_, i) => formatDay(start + i)));
  const ents = labels(scenario.enterprises);
  const depts = new Map(scenario.departments.map((d) => [d.id, d.name]));
  const officers = labels(scenario.inspectors);
  const visits = plan.visits
    .filter((v) => days.has(v.date))
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.enterpriseId.localeCompare(b.enterpriseId));
  const rows = visits.map((v) => [
    v.date,
    `${v.start}–${v.end}`,
    ents.get(v.enterpriseId) ?? v.enterpriseId,
    v.leadDepartmentId,
    v.departmentIds.join('+'),
    v.inspectorIds.map((i) => officers.get(i) ?? i).join(' '),
  ]);
  const legend = scenario.departments.map((d) => `${d.id} ${depts.get(d.id)}`).join('; ');
  return `${visits.length} visits in the week of ${formatDay(start)} (by date and time; a repeated name carries its id):\n\n` +
    table(['日期 date', '时间 hours', '企业 enterprise', '牵头 lead', '部门 departments', '执法人员 officers'], rows, [10, 11, 40, 8, 34, 72]) +
    `\n\n部门 departments: ${legend}`;
}

function unscheduledSample(plan: Plan): string {
  const picked: Plan['unscheduled'] = [];
  const seen = new Set<string>();
  for (const u of plan.unscheduled) {
    const code = u.reasons[0]?.code ?? '';
    if (!seen.has(code)) {
      seen.add(code);
      picked.push(u);
    }
    if (picked.length === 3) break;
  }
  for (const u of plan.unscheduled) if (picked.length < 3 && !picked.includes(u)) picked.push(u);
  return picked.map((u) => `  ${u.occurrenceId}  [${u.reasons[0]?.code}]\n    ${u.reasons[0]?.message}`).join('\n');
}

const t0 = performance.now();
const scenario = parseScenario(generateScenario({ tier: 'demo', seed: SEED }));
const plan = planSync(scenario, { seed: SEED, locale: 'zh-CN' });
const ms = performance.now() - t0;
const check = validatePlan(scenario, plan);

console.log('\njoint-inspection demo — 进一次门、查多项事\n');
console.log(summary(scenario, plan, ms, check.violations.length));
console.log(`\n${weekTable(scenario, plan)}\n`);
console.log(`Three occurrences that could not be placed, and why:\n${unscheduledSample(plan)}\n`);
// 双随机: each department draws at the published ratios, once independently, once coordinated (docs/draw.md).
const draws = compareDraws(scenario, { drawSeed: SEED, planSeed: SEED, timeLimitMs: 10_000 });
console.log(`双随机 random draws: ${draws.tasks} 个部门共抽 ${draws.independent.drawn} 家次 — 独立抽取 ${draws.independent.visits} 次入企, 协同抽取 ${draws.coordinated.visits} 次 → 少进企业 ${draws.saved} 次 (visits saved by coordinated draws)`);
const joint = draws.joint;
if (joint) {
  console.log(
    `部门联合抽查 joint draw: ${joint.departments.join('+')} 各抽 ${joint.sample} 家 — 各自抽取 ${joint.independent.visits} 次入企, 联合抽取 ${joint.joint.visits} 次 → 少进企业 ${joint.saved} 次 (visits saved by one joint draw)\n`,
  );
}
if (draws.independent.violations + draws.coordinated.violations + (joint ? joint.independent.violations + joint.joint.violations : 0) > 0) process.exitCode = 1;
if (!check.valid) process.exitCode = 1;
