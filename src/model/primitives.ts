/** Field-level schemas shared by the scenario and the plan (contract v1, "Conventions"). */
import { z } from 'zod';
import { parseDay, parseTime, isValidTimeZone } from '../calendar/civil.js';
import { rruleIssue, rruleProblem } from '../calendar/rrule.js';

/** Custom issues carry our own code in `params.code`; see `issues.ts`. */
const custom = (code: string) => ({ params: { code } });

export const idSchema = z.string().min(1, { message: 'must be a non-empty id' });

export const dateSchema = z
  .string()
  .refine((s) => parseDay(s) !== undefined, custom('invalid_date'));

export const timeSchema = z
  .string()
  .refine((s) => parseTime(s) !== undefined, custom('invalid_time'));

export const rruleSchema = z.string().superRefine((s, ctx) => {
  const problem = rruleIssue(s);
  if (problem) {
    const detail = rruleProblem(s) as string;
    const detailParams = problem as unknown as Record<string, unknown>;
    ctx.addIssue({ code: 'custom', message: detail, params: { code: 'invalid_rrule', detail, reason: problem.reason, detailKey: `rrule.${problem.reason}`, detailParams } });
  }
});

export const timezoneSchema = z
  .string()
  .refine((s) => isValidTimeZone(s), custom('invalid_timezone'));

export const rangeSchema = z
  .object({ from: dateSchema, to: dateSchema })
  .refine(
    (r) => {
      const a = parseDay(r.from);
      const b = parseDay(r.to);
      return a === undefined || b === undefined || a <= b;
    },
    { ...custom('reversed_range'), path: ['to'] },
  );

export const minutesSchema = z.number().int().min(0);
export const positiveMinutesSchema = z.number().int().min(1);

export const PLANNED_BASES = ['routine', 'random', 'special'] as const;
export const TRIGGERED_BASES = [
  'complaint',
  'referral',
  'data-clue',
  'enterprise-request',
  'licensing',
  'recheck',
  'emergency',
] as const;
export const BASES = [...PLANNED_BASES, ...TRIGGERED_BASES] as const;
export const basisSchema = z.enum(BASES);
export type Basis = z.infer<typeof basisSchema>;

export const RISK_GRADES = ['A', 'B', 'C', 'D'] as const;
export const riskGradeSchema = z.enum(RISK_GRADES);
export type RiskGrade = z.infer<typeof riskGradeSchema>;

export type DateRange = z.infer<typeof rangeSchema>;

export function isPlannedBasis(basis: Basis): boolean {
  return (PLANNED_BASES as readonly string[]).includes(basis);
}
