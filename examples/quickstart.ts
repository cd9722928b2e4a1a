/** 快速上手（`npm run example:quickstart`）：内联场景 → parseScenario → plan → 打印检查 → validatePlan。 */
import { parseScenario, plan, validatePlan, type ScenarioInput } from '../src/index.js'; // 在你的项目中：from 'joint-inspection'

const officer = (id: string, name: string, departmentId: string) => ({ id, name, departmentId, certificate: { validFrom: '2026-01-01', validTo: '2026-12-31' } });

const input: ScenarioInput = {
  version: 1,
  horizon: { from: '2026-04-06', to: '2026-04-30' },
  calendar: { preset: 'cn-mainland' },
  departments: [
    { id: 'SAMR', name: '市场监管局' },
    { id: 'FIRE', name: '消防救援大队' },
    { id: 'EEB', name: '生态环境局' },
  ],
  items: [
    { id: 'SAMR-food', departmentId: 'SAMR', name: '食品经营许可与落实情况', durationMinutes: 60 },
    { id: 'FIRE-exit', departmentId: 'FIRE', name: '疏散通道与消防设施', durationMinutes: 45 },
    { id: 'EEB-fume', departmentId: 'EEB', name: '油烟净化设施运行', durationMinutes: 30 },
  ],
  enterprises: [
    { id: 'E1', name: '老街面馆', area: '110105' },
    { id: 'E2', name: '鸿福酒楼', area: '110105' },
  ],
  inspectors: [
    officer('S1', '张伟', 'SAMR'), officer('S2', '李娜', 'SAMR'),
    officer('F1', '王强', 'FIRE'), officer('F2', '刘洋', 'FIRE'),
    officer('H1', '陈静', 'EEB'), officer('H2', '赵磊', 'EEB'),
  ],
  requests: ['E1', 'E2'].flatMap((e) => [
    { id: `${e}-SAMR`, departmentId: 'SAMR', enterpriseId: e, itemIds: ['SAMR-food'], window: { from: '2026-04-06', to: '2026-04-30' } },
    { id: `${e}-FIRE`, departmentId: 'FIRE', enterpriseId: e, itemIds: ['FIRE-exit'], window: { from: '2026-04-13', to: '2026-04-24' } },
    { id: `${e}-EEB`, departmentId: 'EEB', enterpriseId: e, itemIds: ['EEB-fume'], window: { from: '2026-04-06', to: '2026-04-17' } },
  ]),
};

const scenario = parseScenario(input); // 输入有误时抛出 ScenarioError，列出每个问题及其 JSON 路径
const result = await plan(scenario, { seed: 1 });
const name = new Map([...scenario.enterprises, ...scenario.departments, ...scenario.inspectors].map((x) => [x.id, x.name]));
const names = (ids: readonly string[]) => ids.map((id) => name.get(id) ?? id).join('、');
for (const v of result.visits) console.log(`${v.date} ${v.start}–${v.end}  ${names([v.enterpriseId])}  牵头：${names([v.leadDepartmentId])}  部门：${names(v.departmentIds)}  人员：${names(v.inspectorIds)}`);
const m = result.metrics;
console.log(`${m.occurrences} 项检查合并为 ${m.visits} 次入企（各部门单独检查需 ${m.separateVisits ?? '—'} 次），未安排 ${m.unscheduled} 项`);
const check = validatePlan(scenario, result);
console.log(`校验：${check.violations.length} 违规${check.valid ? '，计划有效' : ''}`);
if (!check.valid) process.exitCode = 1;
