/**
 * What `explain` returns: the contract of the explanation of one occurrence. Data first (ids,
 * dates, codes in `details`), with each message worded in the call's locale.
 */
import type { Edit } from '../edit/types.js';
import type { Locale } from '../report/format.js';
import type { FunnelRule } from '../placement/types.js';

/**
 * Where the occurrence stands in the plan: in a visit, off site (no visit needed), or unscheduled.
 * @example
 * const s: ExplanationStatus = 'unscheduled';
 */
export type ExplanationStatus = 'scheduled' | 'offsite' | 'unscheduled';

/**
 * A day of the occurrence's window: the day of its visit (`chosen`), a day it could also have
 * used (`possible`, with why the chosen day is better), or a day a hard rule rules out
 * (`impossible`, with the first rule that fails and its facts).
 * @example
 * const d: ExplainedDay = { date: '2026-03-03', outcome: 'impossible', rule: 'enterprise-unavailable', message: '企业某某餐饮有限公司当日无法接受检查', details: { enterpriseId: 'E1' } };
 */
export interface ExplainedDay {
  date: string;
  outcome: 'chosen' | 'possible' | 'impossible';
  /** With `impossible`: the first rule that fails that day (the order of the placement funnel). */
  rule?: FunnelRule;
  message: string;
  /** The facts: ids, dates, numbers; for a `possible` day, `worse` says why the chosen day was preferred. */
  details: Record<string, unknown>;
}

/**
 * Why each officer of the occurrence's department is on the visit.
 * @example
 * const t: TeamMember = { inspectorId: 'I1', why: '张伟：市场监管局执法人员，执法证 2026-01-01 至 2026-12-31 有效，具备资质 food，当日在岗' };
 */
export interface TeamMember {
  inspectorId: string;
  why: string;
  details: { departmentId: string; qualifications: string[]; covers: string[]; load: number };
}

/**
 * The kinds of relaxation `explain` proposes for an unscheduled occurrence, smallest first:
 * - `move-fixed-date`: the request's fixed date moved to a day that works;
 * - `widen-window`: the window (the last occurrence's end, or the start of a plain request) reaches a day that works;
 * - `lift-unavailability`: the enterprise receives the visit on one day it had marked unavailable;
 * - `extend-certificate`: an officer's enforcement certificate made valid on the day;
 * - `lift-officer-leave`: an officer's leave lifted for the day;
 * - `add-officer`: one (or n) more officers of the department, with the qualifications and area needed, on the day;
 * - `area`: the department's jurisdiction extended to the enterprise's area;
 * - `free-cap`: the cap's limit one higher (or its minimum gap shorter) for this enterprise's tally, the events that used it up named.
 * @example
 * const k: RelaxationKind = 'add-officer';
 */
export type RelaxationKind =
  | 'move-fixed-date'
  | 'widen-window'
  | 'lift-unavailability'
  | 'extend-certificate'
  | 'lift-officer-leave'
  | 'add-officer'
  | 'area'
  | 'free-cap';

/**
 * One change to the scenario, as plain data (JSON-Patch-like: `path` segments from the
 * scenario's root; in an array a number is an index, `'-'` appends). `applyRelaxation`
 * applies a relaxation's list of them to a copy of the scenario.
 * @example
 * const op: ScenarioPatchOp = { op: 'replace', path: ['requests', 3, 'window', 'to'], value: '2026-05-12' };
 */
export type ScenarioPatchOp =
  | { op: 'replace'; path: (string | number)[]; value: unknown }
  | { op: 'add'; path: (string | number)[]; value: unknown }
  | { op: 'remove'; path: (string | number)[] };

/**
 * A smallest change that makes the occurrence schedulable, verified: the relaxed scenario was
 * parsed, the occurrence placed into the plan with `placement.edits`, and `validatePlan` found
 * no violation in the result.
 * @example
 * const r = explanation.relaxations?.[0];
 * if (r) console.log(r.kind, r.message, r.placement.date); // widen-window 将检查时限放宽至 2026-05-12 …
 */
export interface Relaxation {
  kind: RelaxationKind;
  message: string;
  details: Record<string, unknown>;
  /** How to apply it to the scenario (`applyRelaxation(scenario, relaxation)` does). */
  scenarioPatch: ScenarioPatchOp[];
  /** How big the change is (days moved or added, officers added, limits raised); smaller is listed first. */
  size: number;
  /** The placement that verified it: `applyEdits(relaxedScenario, plan, placement.edits)` gives a plan without violations. */
  placement: { date: string; visitId?: string; inspectorIds: string[]; edits: Edit[] };
  verified: true;
}

/**
 * The explanation of one occurrence of a plan.
 * @example
 * const e: Explanation = explain(scenario, plan, 'R4');
 * if (e.status === 'unscheduled') for (const r of e.relaxations) console.log(r.message);
 */
export type Explanation =
  | {
      occurrenceId: string;
      status: 'scheduled';
      visitId: string;
      date: string;
      days: ExplainedDay[];
      team: TeamMember[];
      summary: string;
    }
  | { occurrenceId: string; status: 'offsite'; days: ExplainedDay[]; summary: string }
  | {
      occurrenceId: string;
      status: 'unscheduled';
      days: ExplainedDay[];
      relaxations: Relaxation[];
      summary: string;
    };

/**
 * Options of `explain`.
 * @example
 * explain(scenario, plan, 'R4', { locale: 'en', maxRelaxations: 3 });
 */
export interface ExplainOptions {
  /** Language of every message; default `zh-CN`. */
  locale?: Locale;
  /** At most this many relaxations (after verification), smallest first; default 6. */
  maxRelaxations?: number;
}
