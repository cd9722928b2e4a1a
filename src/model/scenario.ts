/** The scenario of contract v1 §1 as a zod schema; types are inferred from it. */
import { z } from 'zod';
import { parseDay } from '../calendar/civil.js';
import {
  BASES,
  PLANNED_BASES,
  TRIGGERED_BASES,
  basisSchema,
  dateSchema,
  idSchema,
  minutesSchema,
  positiveMinutesSchema,
  rangeSchema,
  riskGradeSchema,
  rruleSchema,
  timeSchema,
  timezoneSchema,
} from './primitives.js';

export const quietPeriodSchema = z.object({
  id: idSchema,
  rule: rruleSchema,
  areas: z.array(z.string()).optional(),
  exemptBases: z.array(basisSchema).optional(),
});

export const calendarSchema = z.object({
  preset: z.literal('cn-mainland').optional(),
  workdays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  holidays: z.array(dateSchema).default([]),
  extraWorkdays: z.array(dateSchema).default([]),
  dayStart: timeSchema.default('09:00'),
  dayEnd: timeSchema.default('17:00'),
  quietPeriods: z.array(quietPeriodSchema).default([]),
});

export const departmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  areas: z.array(z.string()).optional(),
});

export const itemSchema = z.object({
  id: idSchema,
  departmentId: idSchema,
  name: z.string(),
  durationMinutes: positiveMinutesSchema.default(60),
  qualifications: z.array(z.string()).default([]),
  offsite: z.boolean().default(false),
  field: z.string().optional(),
  legalBasis: z.string().optional(),
});

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const enterpriseSchema = z.object({
  id: idSchema,
  name: z.string(),
  area: z.string().optional(),
  location: locationSchema.optional(),
  riskGrade: riskGradeSchema.optional(),
  whitelisted: z.boolean().default(false),
  leadDepartmentId: idSchema.optional(),
  unavailable: z.array(rangeSchema).default([]),
  unavailableRule: rruleSchema.optional(),
  maxVisitMinutes: positiveMinutesSchema.optional(),
  tags: z.array(z.string()).default([]),
});

export const certificateSchema = z
  .object({ number: z.string().optional(), validFrom: dateSchema, validTo: dateSchema })
  .refine(
    (c) => {
      const from = parseDay(c.validFrom);
      const to = parseDay(c.validTo);
      return from === undefined || to === undefined || from <= to;
    },
    { params: { code: 'reversed_range' }, path: ['validTo'] },
  );

export const inspectorSchema = z.object({
  id: idSchema,
  name: z.string(),
  departmentId: idSchema,
  certificate: certificateSchema,
  qualifications: z.array(z.string()).default([]),
  areas: z.array(z.string()).optional(),
  unavailable: z.array(rangeSchema).default([]),
  unavailableRule: rruleSchema.optional(),
  maxVisitsPerDay: z.number().int().min(1).default(3),
  /** Default (dayEnd − dayStart) is applied where the calendar is known: `inspectorMinutesPerDay`. */
  maxMinutesPerDay: minutesSchema.optional(),
  avoid: z.array(idSchema).default([]),
});

export const requestSchema = z.object({
  id: idSchema,
  departmentId: idSchema,
  enterpriseId: idSchema,
  itemIds: z.array(idSchema).min(1),
  window: rangeSchema,
  basis: basisSchema.default('routine'),
  priority: z.number().int().min(1).default(1),
  /** Default policy.minInspectorsPerDepartment is applied where the policy is known. */
  inspectors: z.number().int().min(1).optional(),
  exclusive: z.boolean().default(false),
  onsite: z.boolean().default(false),
  recurrence: rruleSchema.optional(),
  preferredDates: z.array(dateSchema).default([]),
  fixedDate: dateSchema.optional(),
});

export const capPeriodSchema = z.union([
  z.enum(['year', 'half-year', 'quarter', 'month']),
  z.object({ rollingDays: z.number().int().min(1) }),
]);

export const capSchema = z.object({
  id: idSchema,
  departmentIds: z.array(idSchema).optional(),
  per: z.enum(['enterprise-department', 'enterprise']),
  period: capPeriodSchema,
  max: z.number().int().min(0).optional(),
  maxByRiskGrade: z.partialRecord(riskGradeSchema, z.number().int().min(0)).optional(),
  minGapDays: z.number().int().min(0).optional(),
  countsBases: z.array(basisSchema).default([...PLANNED_BASES]),
});

export const historyEntrySchema = z.object({
  enterpriseId: idSchema,
  date: dateSchema,
  departmentIds: z.array(idSchema).min(1),
  basis: basisSchema.default('routine'),
});

/**
 * The default `policy.whitelistExemptFields`: fields where a whitelisted enterprise is still
 * inspected on a planned basis (safety, environment, food and drugs, health).
 * @example
 * const exempt = scenario.policy.whitelistExemptFields; // DEFAULT_WHITELIST_EXEMPT_FIELDS unless the scenario says otherwise
 */
export const DEFAULT_WHITELIST_EXEMPT_FIELDS: readonly string[] = ['work-safety', 'environment', 'food-drug', 'health'];

export const policySchema = z.object({
  minInspectorsPerDepartment: z.number().int().min(1).default(2),
  maxDepartmentsPerVisit: z.number().int().min(1).optional(),
  makeupWorkdays: z.enum(['allow', 'avoid', 'forbid']).default('avoid'),
  whitelistExemptFields: z.array(z.string()).default([...DEFAULT_WHITELIST_EXEMPT_FIELDS]),
  travelMinutesPerKm: z.number().min(0).optional(),
  seed: z.number().int().default(0),
  timeLimitMs: z.number().int().min(0).optional(),
});

export const scenarioSchema = z.object({
  version: z.literal(1),
  timezone: timezoneSchema.default('Asia/Shanghai'),
  horizon: rangeSchema,
  calendar: calendarSchema.default(() => calendarSchema.parse({})),
  departments: z.array(departmentSchema),
  items: z.array(itemSchema),
  enterprises: z.array(enterpriseSchema),
  inspectors: z.array(inspectorSchema),
  requests: z.array(requestSchema),
  caps: z.array(capSchema).default([]),
  history: z.array(historyEntrySchema).default([]),
  policy: policySchema.default(() => policySchema.parse({})),
});

/**
 * A parsed scenario: every default of the contract filled in.
 * @example
 * const scenario: Scenario = parseScenario(json);
 * scenario.policy.minInspectorsPerDepartment; // 2 when the JSON left it out
 */
export type Scenario = z.output<typeof scenarioSchema>;
/**
 * What a host may send: defaults optional.
 * @example
 * const input: ScenarioInput = {
 *   version: 1,
 *   horizon: { from: '2026-03-01', to: '2026-03-31' },
 *   departments: [{ id: 'SAMR', name: '市场监管局' }],
 *   items: [{ id: 'food', departmentId: 'SAMR', name: '食品安全', durationMinutes: 60 }],
 *   enterprises: [{ id: 'E1', name: '某餐饮有限公司' }],
 *   inspectors: [],
 *   requests: [{ id: 'R1', departmentId: 'SAMR', enterpriseId: 'E1', itemIds: ['food'], window: { from: '2026-03-01', to: '2026-03-31' } }],
 * };
 */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/**
 * The scenario's `calendar` (contract §1.1), defaults filled in.
 * @example
 * const settings: CalendarSettings = scenario.calendar; // preset, workdays, holidays, dayStart, dayEnd, …
 */
export type CalendarSettings = Scenario['calendar'];
/**
 * A quiet period (contract §1.1): days when planned inspections leave enterprises alone.
 * @example
 * const quiet: QuietPeriod[] = scenario.calendar.quietPeriods;
 */
export type QuietPeriod = z.output<typeof quietPeriodSchema>;
/**
 * A department (contract §1.2).
 * @example
 * const names = new Map(scenario.departments.map((d: Department) => [d.id, d.name]));
 */
export type Department = z.output<typeof departmentSchema>;
/**
 * An inspection item (检查事项, contract §1.3).
 * @example
 * const minutes = scenario.items.reduce((sum, i: Item) => sum + i.durationMinutes, 0);
 */
export type Item = z.output<typeof itemSchema>;
/**
 * An enterprise (contract §1.4).
 * @example
 * const whitelisted = scenario.enterprises.filter((e: Enterprise) => e.whitelisted);
 */
export type Enterprise = z.output<typeof enterpriseSchema>;
/**
 * A certified enforcement officer (执法人员, contract §1.5).
 * @example
 * const officers = scenario.inspectors.filter((i: Inspector) => i.departmentId === 'SAMR');
 */
export type Inspector = z.output<typeof inspectorSchema>;
/**
 * One department's need to inspect one enterprise (contract §1.6).
 * @example
 * const exclusive = scenario.requests.filter((r: InspectionRequest) => r.exclusive);
 */
export type InspectionRequest = z.output<typeof requestSchema>;
/**
 * A legal frequency cap (频次上限, contract §1.7).
 * @example
 * const yearly = scenario.caps.filter((c: Cap) => c.period === 'year');
 */
export type Cap = z.output<typeof capSchema>;
/**
 * A cap's period: a calendar period, or a rolling window `{ rollingDays }`.
 * @example
 * const period: CapPeriod = 'quarter';
 */
export type CapPeriod = z.output<typeof capPeriodSchema>;
/**
 * An inspection already done (contract §1.8): counted against the caps.
 * @example
 * const done: HistoryEntry = { enterpriseId: 'E1', date: '2026-02-10', departmentIds: ['SAMR'], basis: 'routine' };
 */
export type HistoryEntry = z.output<typeof historyEntrySchema>;
/**
 * The scenario's `policy` (contract §1.9), defaults filled in.
 * @example
 * const policy: Policy = scenario.policy;
 * policy.makeupWorkdays; // 'avoid' unless the scenario says otherwise
 */
export type Policy = z.output<typeof policySchema>;

export { BASES, PLANNED_BASES, TRIGGERED_BASES };
