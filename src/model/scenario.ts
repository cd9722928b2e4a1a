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

export const DEFAULT_WHITELIST_EXEMPT_FIELDS = ['work-safety', 'environment', 'food-drug', 'health'];

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

/** A parsed scenario: every default of the contract filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a host may send: defaults optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type CalendarSettings = Scenario['calendar'];
export type QuietPeriod = z.output<typeof quietPeriodSchema>;
export type Department = z.output<typeof departmentSchema>;
export type Item = z.output<typeof itemSchema>;
export type Enterprise = z.output<typeof enterpriseSchema>;
export type Inspector = z.output<typeof inspectorSchema>;
export type InspectionRequest = z.output<typeof requestSchema>;
export type Cap = z.output<typeof capSchema>;
export type CapPeriod = z.output<typeof capPeriodSchema>;
export type HistoryEntry = z.output<typeof historyEntrySchema>;
export type Policy = z.output<typeof policySchema>;

export { BASES, PLANNED_BASES, TRIGGERED_BASES };
