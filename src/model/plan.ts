/** The plan of contract v1 §2 as a zod schema; types are inferred from it. */
import { z } from 'zod';
import { dateSchema, idSchema, timeSchema } from './primitives.js';

export const visitSchema = z.object({
  id: idSchema,
  enterpriseId: idSchema,
  date: dateSchema,
  start: timeSchema,
  end: timeSchema,
  departmentIds: z.array(idSchema).min(1),
  leadDepartmentId: idSchema,
  occurrenceIds: z.array(idSchema).min(1),
  inspectorIds: z.array(idSchema),
});

export const reasonSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const warningSchema = reasonSchema;

const count = z.number().int().min(0);

export const metricsSchema = z.looseObject({
  occurrences: count,
  scheduled: count,
  offsite: count,
  unscheduled: count,
  visits: count,
  lowerBound: count,
  personVisits: count,
  /** Added by this library: visits the same occurrences need when every department goes alone. */
  separateVisits: count.optional(),
  /** Added by this library: separateVisits − visits. */
  visitsSaved: z.number().int().optional(),
});

export const metaSchema = z.looseObject({
  engine: z.string(),
  engineVersion: z.string(),
  seed: z.number().int(),
  elapsedMs: z.number().min(0),
});

/**
 * Added by this library: a soft wish of contract §3 the plan could not meet, per occurrence
 * (`PREFERRED_DATE_UNMET`). Not a breach and not a plan-level warning.
 */
export const softFindingSchema = z.object({
  code: z.string().min(1),
  occurrenceId: idSchema,
  visitId: idSchema.optional(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const planSchema = z.object({
  version: z.literal(1),
  visits: z.array(visitSchema),
  offsite: z.array(z.object({ occurrenceId: idSchema })),
  unscheduled: z.array(z.object({ occurrenceId: idSchema, reasons: z.array(reasonSchema).min(1) })),
  warnings: z.array(warningSchema).default([]),
  softFindings: z.array(softFindingSchema).optional(),
  metrics: metricsSchema,
  meta: metaSchema,
});

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Visit = z.output<typeof visitSchema>;
export type Reason = z.output<typeof reasonSchema>;
export type Warning = z.output<typeof warningSchema>;
export type Metrics = z.output<typeof metricsSchema>;
export type PlanMeta = z.output<typeof metaSchema>;
export type UnscheduledEntry = Plan['unscheduled'][number];
