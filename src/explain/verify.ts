/**
 * Trying a relaxed scenario: parse it, index the plan against it, and look for a placement of
 * the occurrence — the "discovery" step (which days would work) and the verification (the
 * first placement applied with `applyEdits`, and `validatePlan` finding nothing new).
 */
import { applyEdits } from '../edit/index.js';
import type { Plan } from '../model/plan-types.js';
import { safeParseScenario } from '../model/parse.js';
import type { Scenario } from '../model/scenario.js';
import type { Occurrence } from '../occurrences/expand.js';
import { indexPlan, survey, type DaySurvey, type PlanIndex } from '../placement/index.js';
import type { Placement } from '../placement/types.js';
import type { Locale } from '../report/format.js';
import { validatePlan, type ValidationFinding } from '../validate/index.js';
import { applyScenarioPatch } from './patch.js';
import type { ScenarioPatchOp } from './types.js';

export interface Trial {
  scenario: Scenario;
  index: PlanIndex;
  occ: Occurrence;
}

/** The scenario with `ops` applied, parsed and indexed with the plan; `undefined` when it no longer parses or lost the occurrence. */
export function trial(scenario: Scenario, plan: unknown, occurrenceId: string, ops: readonly ScenarioPatchOp[], occurrences: number, locale: Locale): Trial | undefined {
  const parsed = safeParseScenario(applyScenarioPatch(scenario, ops), { locale, allowUnknownFields: true });
  if (!parsed.success) return undefined;
  const index = indexPlan(parsed.data, plan, locale);
  // A relaxation must not change which occurrences there are (a recurring window grown to a new start would).
  if (index.ctx.occurrenceList.length !== occurrences) return undefined;
  const occ = index.ctx.occurrences.get(occurrenceId);
  return occ ? { scenario: parsed.data, index, occ } : undefined;
}

/** The days of `days` that work in the trial, in the order given. */
export function workingDays(t: Trial, days: readonly number[]): DaySurvey[] {
  return survey(t.index, t.occ, { days }).filter((s) => s.verdict.ok);
}

const key = (f: ValidationFinding) => JSON.stringify([f.ruleId, f.visitId, f.occurrenceId, f.inspectorId, f.details]);

/**
 * The part of a plan a placement can affect: every visit of the enterprise (one visit a day,
 * caps) and every visit on the placement's day (officers' days, travel); every occurrence
 * outside them is listed as unscheduled, so the accounting rule has nothing to say about them.
 * The other visits are the same before and after, and no rule relates them to these.
 */
function around(plan: Plan, enterpriseId: string, date: string, occurrenceIds: readonly string[]): Plan {
  const visits = plan.visits.filter((v) => v.enterpriseId === enterpriseId || v.date === date);
  const kept = new Set([...visits.flatMap((v) => v.occurrenceIds), ...plan.offsite.map((o) => o.occurrenceId)]);
  const unscheduled = occurrenceIds.filter((id) => !kept.has(id)).map((occurrenceId) => ({ occurrenceId, reasons: [{ code: 'MANUAL' as const, message: '', details: {} }] }));
  return { ...plan, visits, unscheduled };
}

/**
 * The first placement on `days` (every day of the window when absent) that, applied to the plan
 * under the relaxed scenario, adds no violation: none at all for a valid plan, none the plan
 * did not already have otherwise. The judge is `validatePlan` on the part of the plan the
 * placement can affect (see `around`), before and after.
 */
export function verifiedPlacement(t: Trial, plan: unknown, days: readonly number[] | undefined, locale: Locale): Placement | undefined {
  const found = survey(t.index, t.occ, days ? { days } : {}).flatMap((s) => s.placements);
  const ids = t.index.ctx.occurrenceList.map((o) => o.id);
  for (const p of found.slice(0, 3)) {
    const edited = applyEdits(t.scenario, plan as Plan, p.edits, { locale, validate: false }).plan;
    const { violations } = validatePlan(t.scenario, around(edited, t.occ.request.enterpriseId, p.date, ids), { locale });
    if (violations.length === 0) return p;
    const baseline = counts(validatePlan(t.scenario, around(plan as Plan, t.occ.request.enterpriseId, p.date, ids), { locale }).violations);
    const after = counts(violations);
    if ([...after].every(([k, n]) => n <= (baseline.get(k) ?? 0))) return p;
  }
  return undefined;
}

function counts(findings: readonly ValidationFinding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(key(f), (out.get(key(f)) ?? 0) + 1);
  return out;
}
