/**
 * The plan `plan` / `planSync` return, typed precisely: codes are unions, each reason's and
 * warning's `details` are typed by its `code` (a discriminated union), `meta` has no index
 * signature (so `meta.stopedEarly` does not compile). The zod schemas of `plan.ts` stay the
 * lenient reading of a plan from anywhere; the checks at the bottom of this file make the
 * precise types fail to compile the day they stop fitting those schemas.
 */
import type { z } from 'zod';
import type { planSchema } from './plan.js';
import type { Basis, DateRange } from './primitives.js';
import type { ReasonCode, SoftFindingCode, WarningCode } from './codes.js';
import type { TeamDrawAudit } from './team-audit.js';

/**
 * One visit: one enterprise on one day, one joint team, several occurrences (contract §2).
 * @example
 * const v: Visit = { id: 'V1', enterpriseId: 'E1', date: '2026-03-12', start: '09:00', end: '10:30', departmentIds: ['SAMR', 'TAX'], leadDepartmentId: 'SAMR', occurrenceIds: ['R1', 'R7#2'], inspectorIds: ['I1', 'I2', 'I9', 'I12'] };
 */
export type Visit = {
  id: string;
  enterpriseId: string;
  /** `YYYY-MM-DD`, a civil date in the scenario's time zone. */
  date: string;
  /** `HH:MM`. */
  start: string;
  /** `HH:MM`. */
  end: string;
  /** The departments of its occurrences, in scenario order. */
  departmentIds: string[];
  /** Rule 10 of contract §2.1: the enterprise's regulator when it takes part, else the longest part. */
  leadDepartmentId: string;
  occurrenceIds: string[];
  /** Each department's officers, departments in `departmentIds` order. */
  inspectorIds: string[];
};

/** A request's window as dates, in the details of most reasons. */
type Window = {
  /** First day of the occurrence's window, `YYYY-MM-DD`. */
  from: string;
  /** Last day of the occurrence's window, `YYYY-MM-DD`. */
  to: string;
};

/**
 * The filter at which a department's eligible officers ran out (`NO_ELIGIBLE_INSPECTORS`):
 * too few officers at all, nobody holding a required qualification, certificates not valid
 * on a candidate day, area, avoidance (回避), or absent on every candidate day.
 * @example
 * const filter: StaffFilter = 'certificate';
 */
export type StaffFilter = 'department' | 'qualification' | 'certificate' | 'area' | 'avoidance' | 'availability';

/**
 * Why a fixed date could not be used (`FIXED_DATE_INFEASIBLE`).
 * @example
 * const cause: FixedDateCause = 'not-working-day';
 */
export type FixedDateCause = 'outside-window' | 'not-working-day' | 'enterprise-unavailable' | 'quiet-period' | 'no-eligible-inspectors';

/**
 * A visit or a history entry that counted against a cap (`CAP_REACHED`).
 * @example
 * const e: CapEvent = { date: '2026-03-02', visitId: 'V4' };
 */
export type CapEvent = { date: string; visitId: string; history?: undefined } | { date: string; history: true; visitId?: undefined };

/**
 * What each reason code's `details` hold (contract §2.2: enough to act on). The library may add
 * fields; these are always there unless marked optional.
 * @example
 * const d: ReasonDetails['CAP_REACHED'] = reason.details; // when reason.code === 'CAP_REACHED'
 */
export type ReasonDetails = {
  OUTSIDE_HORIZON: Window & { horizonFrom: string; horizonTo: string };
  NO_WORKING_DAY: Window & { makeupWorkdays: 'allow' | 'avoid' | 'forbid' };
  ENTERPRISE_UNAVAILABLE: Window & { enterpriseId: string };
  QUIET_PERIOD: Window & { enterpriseId: string; basis: Basis; quietPeriodIds: string[] };
  WHITELISTED: { enterpriseId: string; basis: Basis; fields: string[]; exemptFields: string[] };
  AREA_MISMATCH: { departmentId: string; area: string; departmentAreas: string[] };
  FIXED_DATE_INFEASIBLE: Window & { fixedDate: string; cause: FixedDateCause; /** With cause `no-eligible-inspectors`: the department that could not field a team. */ departmentId?: string };
  VISIT_TOO_LONG: { enterpriseId: string; minutes: number; limit: number };
  CAP_REACHED: Window & {
    capId: string;
    enterpriseId: string;
    /** The department the cap counted for, when the cap is per department. */
    departmentId?: string;
    period: 'year' | 'half-year' | 'quarter' | 'month' | { rollingDays: number };
    /** The calendar period of the first day tried (absent for a rolling cap). */
    firstPeriod?: DateRange;
    limit?: number;
    minGapDays?: number;
    events: CapEvent[];
    daysTried: number;
  };
  NO_ELIGIBLE_INSPECTORS: {
    departmentId: string;
    /** Officers the department must send. */
    needed: number;
    filter: StaffFilter;
    /** Officers left after each filter, in filter order. */
    funnel: Partial<Record<'department' | 'certificate' | 'area' | 'avoidance', number>>;
    daysTried: number;
    /** The first candidate days (at most 20). */
    days: string[];
    qualifications: string[];
    /** When the certificate is the filter: officers whose certificate misses candidate days. */
    certificates?: { inspectorId: string; validFrom: string; validTo: string }[];
  };
  STAFF_CAPACITY: Window & { departmentId: string; daysTried: number; staffBlockedDays: number; capBlockedDays: number; days: string[] };
  DISPLACED: Window & { daysTried: number; staffBlockedDays: number; capBlockedDays: number; blockingVisitIds: string[] };
  /** Added by this library: unscheduled by a person (`editPlan`'s `unschedule`); the visit and date it left, the person's note. */
  MANUAL: { visitId?: string; date?: string; note?: string };
};

/**
 * Why an occurrence is unscheduled: a discriminated union on `code`, so `details` narrows.
 * @example
 * for (const r of entry.reasons) if (r.code === 'CAP_REACHED') console.log(r.details.capId, r.details.events.length);
 */
export type Reason = { [C in ReasonCode]: { code: C; message: string; details: ReasonDetails[C] } }[ReasonCode];

/**
 * What each plan warning code's `details` hold.
 * @example
 * const d: WarningDetails['CERTIFICATE_EXPIRES'] = { inspectorId: 'I1', departmentId: 'SAMR', validFrom: '2024-01-01', validTo: '2026-04-30' };
 */
export type WarningDetails = {
  CALENDAR_DATA_MISSING: { preset: 'cn-mainland'; years: number[] };
  UNKNOWN_FIELD: { path: string; field: string; suggestion?: string };
  CERTIFICATE_EXPIRES: CertificateDetails;
  CERTIFICATE_NOT_YET_VALID: CertificateDetails;
  CERTIFICATE_OUTSIDE_HORIZON: CertificateDetails;
};

type CertificateDetails = { inspectorId: string; departmentId: string; validFrom: string; validTo: string; certificateNumber?: string };

/**
 * A plan-level warning (the plan is valid; something in the input deserves attention).
 * @example
 * const years = plan.warnings.flatMap((w) => (w.code === 'CALENDAR_DATA_MISSING' ? w.details.years : []));
 */
export type Warning = { [C in WarningCode]: { code: C; message: string; details: WarningDetails[C] } }[WarningCode];

/**
 * Why a preferred date was not used (`PREFERRED_DATE_UNMET`), first cause first.
 * @example
 * const cause: PreferredDateCause = 'joint-visit';
 */
export type PreferredDateCause =
  | 'fixed-date'
  | 'outside-window'
  | 'not-working-day'
  | 'makeup-workday'
  | 'enterprise-unavailable'
  | 'quiet-period'
  | 'no-eligible-inspectors'
  | 'joint-visit'
  | 'plan';

/**
 * What each soft finding code's `details` hold.
 * @example
 * const d: SoftFindingDetails['PREFERRED_DATE_UNMET'] = { preferredDates: ['2026-03-03'], date: '2026-03-05', unmet: [{ date: '2026-03-03', cause: 'quiet-period' }] };
 */
export type SoftFindingDetails = {
  PREFERRED_DATE_UNMET: { preferredDates: string[]; date: string; unmet: { date: string; cause: PreferredDateCause }[] };
};

/**
 * A soft wish of contract §3 the plan could not meet, per occurrence: not a breach.
 * @example
 * for (const f of plan.softFindings ?? []) console.log(f.occurrenceId, f.details.unmet);
 */
export type SoftFinding = {
  [C in SoftFindingCode]: { code: C; occurrenceId: string; visitId?: string; message: string; details: SoftFindingDetails[C] };
}[SoftFindingCode];

/**
 * One unscheduled occurrence with at least one reason.
 * @example
 * const entry: UnscheduledEntry | undefined = plan.unscheduled.find((u) => u.occurrenceId === 'R4');
 */
export type UnscheduledEntry = { occurrenceId: string; reasons: Reason[] };

/**
 * The plan's counts (contract §2), with the library's `separateVisits` / `visitsSaved`.
 * @example
 * const saved = plan.metrics.visitsSaved ?? 0; // visits saved by planning jointly
 */
export type Metrics = {
  occurrences: number;
  scheduled: number;
  offsite: number;
  unscheduled: number;
  visits: number;
  /** A proven lower bound on the visits the scheduled occurrences need (`lowerBound <= visits`). */
  lowerBound: number;
  /** The sum of team sizes. */
  personVisits: number;
  /** Visits the same occurrences need when every department goes alone (when computed). */
  separateVisits?: number;
  /** `separateVisits − visits` (when computed). */
  visitsSaved?: number;
  /** The total `priority` of the scheduled occurrences (the planner's plans; absent after an edit). */
  scheduledPriority?: number;
  /**
   * A proven upper bound on the total priority any valid plan schedules, accounting for the
   * officers' days, visits a day, minutes and qualifications (docs/bounds.md):
   * `priorityUpperBound − scheduledPriority` is the most priority a better plan could add.
   */
  priorityUpperBound?: number;
  /**
   * A proven lower bound on the visits of any valid plan that schedules at least
   * `scheduledPriority` (docs/bounds.md): when `scheduledPriority` equals `priorityUpperBound`,
   * `visits − visitsLowerBound` is the most visits a better plan could save.
   */
  visitsLowerBound?: number;
};

/**
 * Milliseconds per phase of a run. `compile` and `report` are always there; the search phases
 * only when the run reached them.
 * @example
 * const searchMs = (plan.meta.phasesMs.insert ?? 0) + (plan.meta.phasesMs.replan ?? 0);
 */
export type PhasesMs = {
  compile: number;
  construct?: number;
  insert?: number;
  replan?: number;
  eliminate?: number;
  balance?: number;
  /** The last search step: placing what the report would otherwise find placeable. */
  settle?: number;
  report: number;
};

/**
 * How the plan was made. No index signature: a misspelt field does not compile.
 * @example
 * if (plan.meta.stoppedEarly === 'time-limit') console.warn(`stopped after ${plan.meta.rounds} rounds`);
 */
export type PlanMeta = {
  /** `joint-inspection`. */
  engine: string;
  engineVersion: string;
  /** The seed of every random choice (equal input and seed give an identical plan). */
  seed: number;
  /** Wall time of the run, whole milliseconds. */
  elapsedMs: number;
  /** The time limit the run had. */
  timeLimitMs: number;
  /** Improvement rounds the local search ran. */
  rounds: number;
  /** Present when the search stopped before it stalled: at the time limit, or aborted by `signal`. */
  stoppedEarly?: 'time-limit' | 'aborted';
  phasesMs: PhasesMs;
};

/**
 * An off-site occurrence (its items are all checked from the office).
 * @example
 * const ids = plan.offsite.map((o: OffsiteEntry) => o.occurrenceId);
 */
export type OffsiteEntry = { occurrenceId: string };

/**
 * The plan `plan` / `planSync` return (contract v1 §2): every occurrence once, in a visit, off
 * site, or unscheduled with its reasons.
 * @example
 * const result: Plan = planSync(parseScenario(json));
 * console.log(result.metrics.visits, result.meta.elapsedMs);
 */
export type Plan = {
  version: 1;
  visits: Visit[];
  offsite: OffsiteEntry[];
  unscheduled: UnscheduledEntry[];
  warnings: Warning[];
  /** Added by this library; absent when every preferred date was met. */
  softFindings?: SoftFinding[];
  metrics: Metrics;
  meta: PlanMeta;
  /** Added by this library, only with the `audit` option: how each team was drawn (双随机), for `verifyTeamDraw`. */
  audit?: TeamDrawAudit;
};

// Drift checks: the precise types must stay readable by the lenient schemas (a plan the
// planner returns is a plan `parsePlan` accepts). These fail to compile when they drift.
type SchemaPlan = z.output<typeof planSchema>;
type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;
type _PlanFitsSchema = Assert<Extends<Plan, SchemaPlan>>;
type _ReasonFitsSchema = Assert<Extends<Reason, SchemaPlan['unscheduled'][number]['reasons'][number]>>;
type _WarningFitsSchema = Assert<Extends<Warning, SchemaPlan['warnings'][number]>>;
type _MetaFitsSchema = Assert<Extends<PlanMeta, SchemaPlan['meta']>>;
type _MetricsFitsSchema = Assert<Extends<Metrics, SchemaPlan['metrics']>>;
