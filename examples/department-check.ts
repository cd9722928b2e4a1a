/**
 * 司法局审查一个部门报送的计划（`npm run example:department-check`）。
 * 市场监管局只报送本部门的检查（部分计划），其中一次检查只派了 1 名执法人员（应至少 2 名）。
 * 不限定范围时，其他部门尚未安排的检查都会被报为“缺失”，真正的问题被淹没；
 * 用 `validatePlan(scenario, partialPlan, { departmentIds: ['SAMR'], context })` 只审该部门的部分，
 * 同时把其他部门已定的检查（context）计入频次上限和人员、企业的当日安排。
 */
import { parseScenario, validatePlan, type PlanToValidate, type ScenarioInput, type ValidationFinding } from '../src/index.js'; // 在你的项目中：from 'joint-inspection'

const window = { from: '2026-04-07', to: '2026-04-30' };
const certificate = { validFrom: '2026-01-01', validTo: '2026-12-31' };

const input: ScenarioInput = {
  version: 1,
  horizon: { from: '2026-04-01', to: '2026-04-30' },
  calendar: { preset: 'cn-mainland' },
  departments: [
    { id: 'SAMR', name: '市场监管局' },
    { id: 'FIRE', name: '消防救援大队' },
    { id: 'EMB', name: '应急管理局' },
  ],
  items: [
    { id: 'SAMR-1', departmentId: 'SAMR', name: '特种设备安全检查', durationMinutes: 60 },
    { id: 'FIRE-1', departmentId: 'FIRE', name: '消防安全检查', durationMinutes: 60 },
    { id: 'EMB-1', departmentId: 'EMB', name: '安全生产检查', durationMinutes: 90 },
  ],
  enterprises: [
    { id: 'E1', name: '宏达机械厂', area: '320102' },
    { id: 'E2', name: '金陵化工仓储', area: '320102' },
    { id: 'E3', name: '新街口商场', area: '320102' },
  ],
  inspectors: [
    { id: 'S1', name: '周敏', departmentId: 'SAMR', certificate },
    { id: 'S2', name: '吴刚', departmentId: 'SAMR', certificate },
    { id: 'F1', name: '郑浩', departmentId: 'FIRE', certificate },
    { id: 'F2', name: '孙丽', departmentId: 'FIRE', certificate },
    { id: 'A1', name: '钱军', departmentId: 'EMB', certificate },
    { id: 'A2', name: '冯婷', departmentId: 'EMB', certificate },
  ],
  requests: ['E1', 'E2', 'E3'].flatMap((e) => [
    { id: `${e}-SAMR`, departmentId: 'SAMR', enterpriseId: e, itemIds: ['SAMR-1'], window },
    { id: `${e}-FIRE`, departmentId: 'FIRE', enterpriseId: e, itemIds: ['FIRE-1'], window },
    { id: `${e}-EMB`, departmentId: 'EMB', enterpriseId: e, itemIds: ['EMB-1'], window },
  ]),
  // 同一企业每月入企检查不超过 2 次（无事不扰）：各部门的检查都计入。
  caps: [{ id: 'monthly-2', per: 'enterprise', period: 'month', max: 2 }],
};

/** 市场监管局报送的本部门计划：三次检查，S3 只派了周敏一人。 */
const samrPlan: PlanToValidate = {
  version: 1,
  visits: [
    { id: 'S1', enterpriseId: 'E1', date: '2026-04-08', start: '09:00', end: '10:00', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['E1-SAMR'], inspectorIds: ['S1', 'S2'] },
    { id: 'S2', enterpriseId: 'E2', date: '2026-04-09', start: '09:00', end: '10:00', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['E2-SAMR'], inspectorIds: ['S1', 'S2'] },
    { id: 'S3', enterpriseId: 'E3', date: '2026-04-10', start: '14:00', end: '15:00', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['E3-SAMR'], inspectorIds: ['S1'] },
  ],
};

/** 已确定的其他部门联合检查（司法局手中的其余部分）：计入频次上限，但不在本次审查之列。 */
const restOfJointPlan: PlanToValidate = {
  version: 1,
  visits: [
    { id: 'J1', enterpriseId: 'E1', date: '2026-04-15', start: '09:00', end: '10:30', departmentIds: ['FIRE', 'EMB'], leadDepartmentId: 'EMB', occurrenceIds: ['E1-FIRE', 'E1-EMB'], inspectorIds: ['F1', 'F2', 'A1', 'A2'] },
    { id: 'J2', enterpriseId: 'E2', date: '2026-04-16', start: '09:00', end: '10:30', departmentIds: ['FIRE', 'EMB'], leadDepartmentId: 'EMB', occurrenceIds: ['E2-FIRE', 'E2-EMB'], inspectorIds: ['F1', 'F2', 'A1', 'A2'] },
  ],
};

const scenario = parseScenario(input);
const show = (f: ValidationFinding): string => `  ${f.ruleId}  ${f.visitId ?? f.occurrenceId ?? ''}  ${f.message}`;

const whole = validatePlan(scenario, samrPlan);
const missing = whole.violations.filter((v) => v.ruleId === 'occurrence-accounting').length;
console.log(`不限定范围：${whole.violations.length} 处违规，其中 ${missing} 处是其他部门的检查“缺失”，真正的问题被淹没。\n`);

const scoped = validatePlan(scenario, samrPlan, { departmentIds: ['SAMR'], context: restOfJointPlan });
console.log(`只审市场监管局（计入其余 ${scoped.scope?.contextVisits ?? 0} 次已定检查）：${scoped.violations.length} 违规，${scoped.warnings.length} 条提示`);
for (const v of scoped.violations) console.log(show(v));
for (const w of scoped.warnings) console.log(show(w));
console.log(scoped.valid ? '\n结论：通过。' : '\n结论：退回市场监管局修改后再报。');
