/** The plan of contract v1 §2 as a zod schema; types are inferred from it. */
import { z } from 'zod';
import { dateSchema, idSchema, timeSchema } from './primitives.js';
import { teamDrawAuditSchema } from './team-audit.js';

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
  /** Added by this library: the total priority of the scheduled occurrences. */
  scheduledPriority: count.optional(),
  /** Added by this library: no valid plan schedules more total priority (staff-aware; docs/bounds.md). */
  priorityUpperBound: count.optional(),
  /** Added by this library: no valid plan scheduling at least scheduledPriority has fewer visits (docs/bounds.md). */
  visitsLowerBound: count.optional(),
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
  /** Added by this library (the `audit` option): how each team was drawn; see team-audit.ts. */
  audit: teamDrawAuditSchema.optional(),
});

/*
 * What `validatePlan` accepts: a plan from the planner, from another system or edited by hand.
 * `meta` and `metrics` (and each of their fields) may be absent, `offsite`, `unscheduled`,
 * `warnings` and an entry's `reasons` default to `[]`; ids need only be strings (unknown or
 * empty ones are findings), dates and times only strings (unreadable ones are findings), a
 * reason or a warning needs only its `code`. What is left is the least a validator can read.
 */
const readableId = z.string();

export const visitInputSchema = z.object({
  id: idSchema,
  enterpriseId: readableId,
  date: z.string(),
  start: z.string(),
  end: z.string(),
  departmentIds: z.array(readableId),
  leadDepartmentId: readableId,
  occurrenceIds: z.array(readableId),
  inspectorIds: z.array(readableId),
});

const reasonInputSchema = z.looseObject({
  code: z.string(),
  message: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const metricsInputSchema = metricsSchema.partial();

export const metaInputSchema = metaSchema.partial();

export const planInputSchema = z.object({
  version: z.literal(1),
  visits: z.array(visitInputSchema),
  offsite: z.array(z.object({ occurrenceId: readableId })).default([]),
  unscheduled: z.array(z.object({ occurrenceId: readableId, reasons: z.array(reasonInputSchema).default([]) })).default([]),
  warnings: z.array(reasonInputSchema).default([]),
  softFindings: z.array(z.looseObject({ code: z.string() })).optional(),
  metrics: metricsInputSchema.optional(),
  meta: metaInputSchema.optional(),
  // Accepted and not read: the validator checks the plan, not how its teams were drawn (verifyTeamDraw does).
  audit: z.unknown().optional(),
});

// The plan the planner returns, typed precisely (codes as unions, `details` per code, `meta`
// without an index signature): plan-types.ts, which checks them against these schemas.
export type { Plan, Visit, Reason, Warning, SoftFinding, Metrics, PlanMeta, UnscheduledEntry } from './plan-types.js';
/**
 * A plan as `planSchema` reads it: its shape checked, its codes and details still open strings.
 * @example
 * const parsed: ParsedPlan = parsePlan(foreignJson); // reason codes are plain strings here
 * validatePlan(scenario, parsed);
 */
export type ParsedPlan = z.output<typeof planSchema>;
/**
 * A plan as JSON may give it to `parsePlan` (before defaults: `warnings` may be absent).
 * @example
 * const input: PlanInput = JSON.parse(readFileSync('plan.json', 'utf8'));
 */
export type PlanInput = z.input<typeof planSchema>;
