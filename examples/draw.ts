/**
 * 双随机抽查（`npm run example:draw`）：按信用风险分级比例抽取企业，消防与市场监管协同抽取（共用永久随机数），
 * 卫健与市场监管联合抽查（一个样本、两个部门），避开去年抽中的企业；抽查记录可独立核验，篡改即被发现；
 * 抽中的检查需求并入场景后编排，协同抽取比各自独立抽取少进企业。
 */
import { draw, parseScenario, planSync, validatePlan, verifyDraw, type DrawTask, type ScenarioInput } from '../src/index.js'; // 在你的项目中：from 'joint-inspection'

const GRADES = ['D', 'C', 'C', 'B', 'B', 'B', 'B', 'A', 'A', 'A'] as const;
const officer = (id: string, departmentId: string) => ({ id, name: `执法人员${id}`, departmentId, certificate: { validFrom: '2026-01-01', validTo: '2026-12-31' } });

const input: ScenarioInput = {
  version: 1,
  horizon: { from: '2026-04-01', to: '2026-06-30' },
  calendar: { preset: 'cn-mainland' },
  departments: [
    { id: 'SAMR', name: '市场监管局' },
    { id: 'FIRE', name: '消防救援大队' },
    { id: 'HEALTH', name: '卫生健康委' },
  ],
  items: [
    { id: 'SAMR-food', departmentId: 'SAMR', name: '食品经营许可与落实情况', field: 'food-drug' },
    { id: 'FIRE-exit', departmentId: 'FIRE', name: '疏散通道与消防设施', durationMinutes: 45, field: 'work-safety' },
    { id: 'HEALTH-hygiene', departmentId: 'HEALTH', name: '公共场所卫生', durationMinutes: 45, field: 'health' },
  ],
  // 一条街上的 120 家餐饮企业，信用风险等级 A–D
  enterprises: Array.from({ length: 120 }, (_, i) => ({ id: `E${i + 1}`, name: `餐馆${i + 1}号`, riskGrade: GRADES[i % GRADES.length], tags: ['catering'], ...(i % 17 === 5 ? { whitelisted: true } : {}) })),
  inspectors: ['SAMR', 'FIRE', 'HEALTH'].flatMap((d) => [1, 2, 3, 4].map((k) => officer(`${d}${k}`, d))),
  requests: [],
};
const scenario = parseScenario(input);
const window = { from: '2026-04-01', to: '2026-06-30' };
const ratios = { D: 0.3, C: 0.1, B: 0.05, A: 0.02 }; // 高风险 30%、较高 10%、一般 5%、低风险 2%

// 去年市场监管局的抽查记录：今年避开去年抽中的企业
const lastYear = draw(scenario, [{ id: 'SAMR-2025', departmentId: 'SAMR', itemIds: ['SAMR-food'], window, ratioByRiskGrade: ratios }], { seed: 2025 });

const tasks = (coordinated: boolean): DrawTask[] => [
  // rounding 'nearest'：两种抽法的抽取数量完全相同，比较才公平
  { id: 'SAMR-2026', departmentId: 'SAMR', itemIds: ['SAMR-food'], window, ratioByRiskGrade: ratios, rounding: 'nearest', avoid: ['SAMR-2025'] },
  { id: 'FIRE-2026', departmentId: 'FIRE', itemIds: ['FIRE-exit'], window, ratioByRiskGrade: ratios, rounding: 'nearest', ...(coordinated ? { coordinateWith: ['SAMR-2026'] } : {}) },
];
const coordinated = draw(scenario, [...tasks(true), { id: 'JOINT-2026', departmentId: 'HEALTH', itemIds: ['HEALTH-hygiene'], participants: [{ departmentId: 'SAMR', itemIds: ['SAMR-food'] }], window, ratio: 0.05 }], { seed: 2026, previous: [lastYear.audit] });
const independent = draw(scenario, tasks(false), { seed: 2026, previous: [lastYear.audit] });

const shared = (a: readonly string[] = [], b: readonly string[] = []) => a.filter((x) => b.includes(x)).length;
const { drawn } = coordinated;
console.log('抽查结果（种子 2026）：');
for (const t of coordinated.audit.tasks) console.log(`  ${t.taskId}（${t.departmentName}）：抽中 ${t.drawn.length} 家（${t.strata.map((s) => `${s.stratum} 级 ${s.sampleSize}/${s.size}`).join('，')}）`);
console.log(`协同抽取：市场监管与消防共同抽中 ${shared(drawn['SAMR-2026'], drawn['FIRE-2026'])} 家；独立抽取时仅 ${shared(independent.drawn['SAMR-2026'], independent.drawn['FIRE-2026'])} 家`);
console.log(`回避去年：今年市场监管抽中的企业与去年重合 ${shared(drawn['SAMR-2026'], lastYear.drawn['SAMR-2025'])} 家`);
console.log(`联合抽查 JOINT-2026：${drawn['JOINT-2026']?.length} 家企业，每家卫健与市场监管各一项检查需求`);

const check = verifyDraw(JSON.parse(JSON.stringify(coordinated.audit)));
console.log(`核验抽查记录：${check.valid ? '通过' : '不符'}（仅凭记录重新推导 ${Object.keys(check.drawn).length} 个任务）`);
const forged = structuredClone(coordinated.audit);
forged.tasks[0]?.drawn.splice(0, 1, 'E1');
console.log(`篡改后的记录：${verifyDraw(forged).valid ? '通过' : `不符（${verifyDraw(forged).mismatches.length} 处）`}`);

const visitsOf = (requests: typeof coordinated.requests) => {
  const next = parseScenario({ ...input, requests });
  const plan = planSync(next, { seed: 1 });
  if (!validatePlan(next, plan).valid) process.exitCode = 1;
  return plan.metrics.visits;
};
const pair = (r: typeof coordinated.requests) => r.filter((q) => !q.id.startsWith('JOINT'));
const a = visitsOf(pair(independent.requests));
const b = visitsOf(pair(coordinated.requests));
console.log(`编排：同样的抽取数量，独立抽取需进企业 ${a} 次，协同抽取 ${b} 次，少进企业 ${a - b} 次`);
