/**
 * 人工调整与撤销（`npm run example:edit-undo`）：规划一个小场景 → 把检查组挪到周六（违反规则）
 * → 打印中文违规说明 → 用逆向补丁撤销 → 证明计划逐字节复原。
 */
import { applyPlanPatches, editPlan, parseScenario, planSync, type ScenarioInput } from '../src/index.js'; // 在你的项目中：from 'joint-inspection'

const officer = (id: string, name: string, departmentId: string) => ({ id, name, departmentId, certificate: { validFrom: '2026-01-01', validTo: '2026-12-31' } });

const input: ScenarioInput = {
  version: 1,
  horizon: { from: '2026-03-02', to: '2026-03-13' },
  departments: [
    { id: 'SAMR', name: '市场监管局' },
    { id: 'FIRE', name: '消防救援大队' },
  ],
  items: [
    { id: 'SAMR-food', departmentId: 'SAMR', name: '食品经营许可与落实情况', durationMinutes: 60 },
    { id: 'FIRE-exit', departmentId: 'FIRE', name: '疏散通道与消防设施', durationMinutes: 45 },
  ],
  enterprises: [{ id: 'E1', name: '老街面馆', area: '110105' }],
  inspectors: [officer('S1', '张伟', 'SAMR'), officer('S2', '李娜', 'SAMR'), officer('F1', '王强', 'FIRE'), officer('F2', '刘洋', 'FIRE')],
  requests: [
    { id: 'R1', departmentId: 'SAMR', enterpriseId: 'E1', itemIds: ['SAMR-food'], window: { from: '2026-03-02', to: '2026-03-06' } },
    { id: 'R2', departmentId: 'FIRE', enterpriseId: 'E1', itemIds: ['FIRE-exit'], window: { from: '2026-03-02', to: '2026-03-13' } },
  ],
};

const scenario = parseScenario(input);
const original = planSync(scenario, { seed: 1 });
const visit = original.visits[0];
if (!visit) throw new Error('the planner made no visit');
console.log(`原计划：检查组 ${visit.id} 于 ${visit.date} ${visit.start}–${visit.end} 检查老街面馆（${visit.occurrenceIds.join('、')}）`);

// 企业要求改到周六 2026-03-07：照样调整，由人来决定是否接受违规。
const edited = editPlan(scenario, original, { kind: 'move-visit', visitId: visit.id, date: '2026-03-07' });
console.log(`调整后：检查组 ${visit.id} 改到 ${edited.plan.visits[0]?.date}，补丁 ${edited.patches.length} 条`);
for (const v of edited.violations) console.log(`  违规 [${v.ruleId}] ${v.message}`);

// 撤销：把逆向补丁应用到调整后的计划上。
const undone = applyPlanPatches(edited.plan, edited.inversePatches);
console.log(`撤销后与原计划逐字节相同：${JSON.stringify(undone) === JSON.stringify(original) ? '是' : '否'}`);
