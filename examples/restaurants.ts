/**
 * 一个行业的联合检查（`npm run example:restaurants`）：餐饮企业（标签 `catering`）。
 * 市场监管（食品安全）、消防（消防安全）、卫生健康（公共场所卫生）、生态环境（油烟排放）
 * 四个部门各自要查同一批餐馆；规划器把它们合并为"进一次门、查多项事"，
 * 并与各部门单独上门相比，算出少进企业多少次。
 */
import { parseScenario, planSync, validatePlan, type ScenarioInput } from '../src/index.js'; // 在你的项目中：from 'joint-inspection'

type Department = ScenarioInput['departments'][number];
type Item = ScenarioInput['items'][number];

const HORIZON = { from: '2026-05-11', to: '2026-06-12' };
const departments: Department[] = [
  { id: 'SAMR', name: '市场监管局' },
  { id: 'FIRE', name: '消防救援大队' },
  { id: 'HEALTH', name: '卫生健康委' },
  { id: 'EEB', name: '生态环境局' },
];
const items: Item[] = [
  { id: 'SAMR-food', departmentId: 'SAMR', name: '食品安全：进货查验、后厨卫生、从业人员健康证', durationMinutes: 60, field: 'food-drug', legalBasis: '《食品安全法》第八十七条' },
  { id: 'FIRE-safety', departmentId: 'FIRE', name: '消防安全：疏散通道、灭火器材、燃气报警', durationMinutes: 45, legalBasis: '《消防法》第五十三条' },
  { id: 'HEALTH-hygiene', departmentId: 'HEALTH', name: '卫生：餐饮具消毒、卫生许可', durationMinutes: 30, field: 'health' },
  { id: 'EEB-fume', departmentId: 'EEB', name: '油烟排放：净化设施运行与清洗记录', durationMinutes: 30, field: 'environment' },
];
/** Each department's own window: when it wants to have been there. */
const windows: Record<string, { from: string; to: string }> = {
  SAMR: { from: '2026-05-11', to: '2026-06-12' },
  FIRE: { from: '2026-05-18', to: '2026-06-05' },
  HEALTH: { from: '2026-05-11', to: '2026-05-29' },
  EEB: { from: '2026-05-25', to: '2026-06-12' },
};

const enterprises: ScenarioInput['enterprises'] = [
  { id: 'R01', name: '川味小厨', area: '510104', tags: ['catering'] },
  { id: 'R02', name: '老成都火锅', area: '510104', tags: ['catering'] },
  { id: 'R03', name: '江南面馆', area: '510104', tags: ['catering'] },
  { id: 'R04', name: '粤港茶餐厅', area: '510105', tags: ['catering'] },
  { id: 'R05', name: '西北烧烤城', area: '510105', tags: ['catering'], unavailable: [{ from: '2026-05-25', to: '2026-05-29' }] },
  { id: 'R06', name: '湘味馆', area: '510105', tags: ['catering'] },
  { id: 'R07', name: '江南面馆', area: '510106', tags: ['catering'] }, // 同名的另一家店：表中以编号区分
  { id: 'R08', name: '素心斋', area: '510106', tags: ['catering'] },
  { id: 'M01', name: '锦江五金商行', area: '510104', tags: ['retail'] },
];

const officers: ScenarioInput['inspectors'] = departments.flatMap((d, k) =>
  ['甲', '乙', '丙'].map((suffix, i) => ({
    id: `${d.id}-${i + 1}`,
    name: `${d.name.slice(0, 2)}执法员${suffix}`,
    departmentId: d.id,
    certificate: { number: `51-${k}${i}`, validFrom: '2025-01-01', validTo: '2027-12-31' },
  })),
);

const catering = enterprises.filter((e) => e.tags?.includes('catering'));
const input: ScenarioInput = {
  version: 1,
  horizon: HORIZON,
  calendar: { preset: 'cn-mainland' },
  departments,
  items,
  enterprises,
  inspectors: officers,
  requests: catering.flatMap((e) =>
    items.map((item) => ({
      id: `${e.id}-${item.departmentId}`,
      departmentId: item.departmentId,
      enterpriseId: e.id,
      itemIds: [item.id],
      window: windows[item.departmentId] ?? HORIZON,
    })),
  ),
  policy: { seed: 7 },
};

// --- plan and check ---
const scenario = parseScenario(input);
const plan = planSync(scenario, { computeSeparateVisits: true });
const check = validatePlan(scenario, plan);

// --- a small table: one row per visit, by date and time ---
const enterpriseLabel = (id: string): string => {
  const e = scenario.enterprises.find((x) => x.id === id);
  if (!e) return id;
  const twice = scenario.enterprises.filter((x) => x.name === e.name).length > 1;
  return twice ? `${e.name}（${e.id}）` : e.name;
};
const deptName = new Map(scenario.departments.map((d) => [d.id, d.name]));
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

const rows = [...plan.visits]
  .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.enterpriseId.localeCompare(b.enterpriseId))
  .map((v) => [v.date, `${v.start}–${v.end}`, enterpriseLabel(v.enterpriseId), v.departmentIds.map((d) => deptName.get(d) ?? d).join('、'), String(v.inspectorIds.length)]);
const header = ['日期', '时间', '餐馆', '同一次检查中的部门', '人数'];
const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
const line = (r: string[]): string => r.map((c, i) => pad(c, widths[i] ?? 0)).join("  ").trimEnd();

const m = plan.metrics;
console.log(`餐饮行业联合检查：${catering.length} 家餐馆 × ${departments.length} 个部门 = ${m.occurrences} 项检查\n`);
console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
console.log(`\n联合检查：进企业 ${m.visits} 次（下界 ${m.lowerBound}）；各部门单独检查：${m.separateVisits ?? '—'} 次；少进企业 ${m.visitsSaved ?? '—'} 次。`);
console.log(`未安排 ${m.unscheduled} 项${plan.unscheduled.map((u) => `\n  ${u.occurrenceId}：${u.reasons[0]?.message ?? ''}`).join('')}`);
console.log(`校验：${check.violations.length} 违规`);
if (!check.valid) process.exitCode = 1;
