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

/**
 * Planned bases (双随机 and routine plans): the whitelist and quiet periods apply to them.
 * @example
 * PLANNED_BASES.includes(request.basis as never);
 */
export const PLANNED_BASES = ['routine', 'random', 'special'] as const;
/**
 * Triggered bases (complaints, referrals, clues, …): not planned ahead, exempt from the whitelist.
 * @example
 * const triggered = new Set<string>(TRIGGERED_BASES);
 */
export const TRIGGERED_BASES = [
  'complaint',
  'referral',
  'data-clue',
  'enterprise-request',
  'licensing',
  'recheck',
  'emergency',
] as const;
/**
 * Every basis of an inspection (`requests[].basis`), planned first.
 * @example
 * const options = BASES.map((b) => ({ value: b }));
 */
export const BASES = [...PLANNED_BASES, ...TRIGGERED_BASES] as const;
export const basisSchema = z.enum(BASES);
/**
 * The basis of an inspection: `routine`, `random`, `complaint`, …
 * @example
 * const basis: Basis = 'random';
 */
export type Basis = z.infer<typeof basisSchema>;

/**
 * Enterprise risk grades, A (lowest risk) to D.
 * @example
 * RISK_GRADES; // ['A', 'B', 'C', 'D']
 */
export const RISK_GRADES = ['A', 'B', 'C', 'D'] as const;
export const riskGradeSchema = z.enum(RISK_GRADES);
/**
 * An enterprise's risk grade (caps may differ by grade).
 * @example
 * const grade: RiskGrade = 'C';
 */
export type RiskGrade = z.infer<typeof riskGradeSchema>;

/**
 * An inclusive range of civil dates `{ from, to }`, `from <= to`.
 * @example
 * const horizon: DateRange = { from: '2026-03-01', to: '2026-06-30' };
 */
export type DateRange = z.infer<typeof rangeSchema>;

export function isPlannedBasis(basis: Basis): boolean {
  return (PLANNED_BASES as readonly string[]).includes(basis);
}
