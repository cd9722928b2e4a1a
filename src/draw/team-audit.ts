/**
 * `verifyTeamDraw`: checks a plan's team-draw audit (`plan(scenario, { audit: true })`) on its
 * own, without the planner: every draw recomputed from the seed and the public ids, the scan
 * recomputed from its seeded offset, the ranking and the team rule applied again, each swap
 * of the load rebalancing checked against its window. Given the scenario it also checks that
 * the scan walked exactly the officers present that day and that each candidate really was
 * eligible; given the plan it checks that the audit describes the plan's teams. What this
 * proves and what it does not: docs/team-audit.md.
 */
import { horizonDays, unavailableDays, type DaySet } from '../calendar/availability.js';
import { parseDay } from '../calendar/civil.js';
import { InputError, ScenarioError, fromZodIssues, makeIssue } from '../model/issues.js';
import { safeParseScenario } from '../model/parse.js';
import { isParsedScenario } from '../model/parsed.js';
import { expandOccurrences } from '../occurrences/expand.js';
import type { Inspector, Scenario } from '../model/scenario.js';
import { TEAM_DRAW_METHOD, teamDrawAuditSchema, type TeamDrawAudit, type TeamDrawEntry } from '../model/team-audit.js';
import { formatMessage, type Locale } from '../report/format.js';
import { idsAsNames, namesOf, type Names } from '../report/names.js';
import { hashString, mixKey } from '../util/random.js';
import { teamAuditMessages } from './team-audit-messages.js';
// verify.ts dispatches here (`verifyDraw`); its error class is used only when called, so the cycle is harmless.
import { DrawError } from './verify.js';

/** Officers in the load rebalancing's window (method team-draw/1). */
const SWAP_WINDOW = 16;

/**
 * What a mismatch of `verifyTeamDraw` is about (`verifyDraw` reports them too).
 * @example
 * const draws = check.mismatches.filter((m) => m.code === ('officer_draw' satisfies TeamDrawMismatchCode));
 */
export type TeamDrawMismatchCode =
  | 'unknown_method'
  | 'officer_draw'
  | 'scan_offset'
  | 'scan'
  | 'team'
  | 'swap'
  | 'plan_visit'
  | 'unknown_id'
  | 'department_index'
  | 'present'
  | 'not_eligible'
  | 'scan_status'
  | 'holds'
  | 'demand';

/**
 * One way a team-draw audit fails to prove its draws: a code, the JSON path in the audit, a
 * message naming the visit, department and officers; what the rule gives and what is recorded.
 * @example
 * for (const m of verifyTeamDraw(plan.audit).mismatches) console.log(m.path, m.message);
 */
export interface TeamDrawMismatch {
  code: TeamDrawMismatchCode;
  /** Where in the audit, e.g. `teams[4].scanned[2].draw`. */
  path: string;
  visitId?: string;
  message: string;
  /** What the seed, the rule or the scenario gives, and what the audit records (when the mismatch is a value). */
  expected?: unknown;
  found?: unknown;
  /** The facts of the message (ids, the problem's key). */
  details: Record<string, unknown>;
}

/**
 * The verdict of `verifyTeamDraw`: `valid` when every draw, scan and team is as the rule gives.
 * @example
 * const { valid, teams, draws, mismatches } = verifyTeamDraw(plan.audit, scenario);
 */
export interface TeamDrawVerification {
  valid: boolean;
  kind: 'team-draw';
  /** Teams in the audit, and draws recomputed. */
  teams: number;
  draws: number;
  mismatches: TeamDrawMismatch[];
}

/**
 * Options of `verifyTeamDraw`.
 * @example
 * verifyTeamDraw(plan.audit, scenario, { locale: 'en', plan });
 */
export interface TeamDrawVerifyOptions {
  /** Language of the messages; default `zh-CN`. */
  locale?: Locale;
  /** The plan the audit belongs to: then the audit's teams must be the plan's, visit by visit. */
  plan?: unknown;
}

interface Ctx {
  locale: Locale;
  names: Names;
  mismatches: TeamDrawMismatch[];
}

/**
 * Verifies a team-draw audit (a plan's `audit` section): each draw recomputed from the seed and
 * the ids, each scan, ranking and team rule applied again. With the scenario, also that each
 * scan walked exactly the officers present that day (none omitted) and each candidate was
 * eligible (department, certificate, availability, area, recusal, qualifications). Never
 * throws for a tampered audit (that is a mismatch); throws a `DrawError` (an `InputError`) for one it cannot read,
 * and a `ScenarioError` for a scenario that is not one.
 * @example
 * const result = planSync(scenario, { seed: 7, audit: true });
 * const check = verifyTeamDraw(result.audit, scenario, { plan: result });
 * if (!check.valid) for (const m of check.mismatches) console.log(m.path, m.message);
 */
export function verifyTeamDraw(audit: unknown, scenario?: unknown, options?: TeamDrawVerifyOptions): TeamDrawVerification {
  const locale = localeOf(options);
  const parsed = teamDrawAuditSchema.safeParse(audit);
  if (!parsed.success) throw new DrawError('draw-audit', fromZodIssues(parsed.error.issues, audit, locale), locale);
  const facts = scenario === undefined ? undefined : new Facts(readScenario(scenario, locale));
  const ctx: Ctx = { locale, names: facts ? namesOf(facts.scenario, locale) : idsAsNames, mismatches: [] };
  const a = parsed.data;
  let draws = 0;
  if (a.method !== TEAM_DRAW_METHOD) add(ctx, 'unknown_method', 'method', undefined, { method: a.method, known: TEAM_DRAW_METHOD });
  else {
    const horizon = parseDay(a.horizonStart) as number;
    a.teams.forEach((team, i) => {
      if (team.rule !== 'not-drawn') draws += checkTeam(ctx, a, team as Drawn, `teams[${i}]`, horizon, facts);
    });
  }
  const plan = options?.plan;
  if (plan !== undefined) checkPlan(ctx, a, plan);
  if (plan !== undefined && facts) checkDemand(ctx, a, plan, facts.scenario);
  return { valid: ctx.mismatches.length === 0, kind: 'team-draw', teams: a.teams.length, draws, mismatches: ctx.mismatches };
}

type Drawn = Extract<TeamDrawEntry, { rule: 'draw' | 'rebalanced' }>;
type Scanned = Drawn['scanned'][number];

function localeOf(options: unknown): Locale {
  if (options === undefined || options === null) return 'zh-CN';
  const locale = typeof options === 'object' ? (options as { locale?: unknown }).locale : undefined;
  if (typeof options !== 'object' || (locale !== undefined && locale !== 'en' && locale !== 'zh-CN')) {
    throw new InputError('options', [makeIssue(typeof options !== 'object' ? ['options'] : ['options', 'locale'], 'invalid_type', { expected: typeof options !== 'object' ? 'object' : '"zh-CN" | "en"', received: typeof (typeof options !== 'object' ? options : locale) }, 'zh-CN')]);
  }
  return locale ?? 'zh-CN';
}

function readScenario(input: unknown, locale: Locale): Scenario {
  if (isParsedScenario(input)) return input;
  const parsed = safeParseScenario(input, { locale });
  if (!parsed.success) throw new ScenarioError(parsed.issues, locale);
  return parsed.data;
}

function add(ctx: Ctx, code: TeamDrawMismatchCode, path: string, visitId: string | undefined, details: Record<string, unknown>): void {
  const expected = details.expectedIds ?? details.expected;
  const found = details.recordedIds ?? details.recorded;
  ctx.mismatches.push({
    code,
    path,
    ...(visitId !== undefined ? { visitId } : {}),
    message: formatMessage(teamAuditMessages, ctx.locale, code, { visitId, ...details }),
    ...(expected !== undefined ? { expected } : {}),
    ...(found !== undefined ? { found } : {}),
    details,
  });
}

const say = (ctx: Ctx, key: string, values: Record<string, unknown> = {}) => formatMessage(teamAuditMessages, ctx.locale, key, values);
const list = (ctx: Ctx, ids: readonly string[], of: (id: string) => string) => (ids.length === 0 ? say(ctx, 'none') : ids.map(of).join(ctx.locale === 'zh-CN' ? '、' : ', '));

/** The labels of the draws: as the planner hashes them (src/solver/state.ts), from the seed and the public ids. */
const officerHash = (seed: number, id: string) => hashString(`${seed}\u0000officer\u0000${id}`);
const enterpriseHash = (seed: number, id: string) => hashString(`${seed}\u0000enterprise\u0000${id}`);

/** Checks one drawn team; returns the number of draws recomputed. */
function checkTeam(ctx: Ctx, a: TeamDrawAudit, t: Drawn, path: string, horizon: number, facts: Facts | undefined): number {
  const day = (parseDay(t.date) as number) - horizon;
  const eh = enterpriseHash(a.seed, t.enterpriseId);
  const department = ctx.names.department(t.departmentId);
  const inspector = ctx.names.inspector;
  const here = { department, departmentId: t.departmentId };
  let draws = 0;
  // The scan: its seeded beginning, its length, where it stops.
  const offset = t.present > 0 ? Math.floor(mixKey(eh, day, t.departmentIndex + 7) * t.present) : 0;
  if (t.offset !== offset) add(ctx, 'scan_offset', `${path}.offset`, t.visitId, { ...here, recorded: t.offset, expected: offset });
  const malformed = (problem: string, values: Record<string, unknown>, at = path) => add(ctx, 'scan', at, t.visitId, { ...here, reason: problem, problem: say(ctx, `problem.${problem}`, values) });
  const sample = a.sampleBase + 2 * t.need;
  if (t.limit !== null && t.limit !== sample) malformed('limit', { recorded: t.limit, expected: sample }, `${path}.limit`);
  if (t.scanned.length > t.present) malformed('too-long', { count: t.scanned.length, present: t.present }, `${path}.scanned`);
  const seen = new Set<string>();
  const eligible: { s: Scanned; draw: number; at: number }[] = [];
  t.scanned.forEach((s, j) => {
    if (seen.has(s.officerId)) malformed('duplicate', { inspector: inspector(s.officerId) }, `${path}.scanned[${j}]`);
    seen.add(s.officerId);
    if (s.status !== 'eligible') return;
    if (s.draw === undefined || s.load === undefined || s.free === undefined || s.holds === undefined) {
      malformed('missing-fields', { inspector: inspector(s.officerId) }, `${path}.scanned[${j}]`);
      return;
    }
    const draw = mixKey(officerHash(a.seed, s.officerId), eh, day);
    draws++;
    if (s.draw !== draw) add(ctx, 'officer_draw', `${path}.scanned[${j}].draw`, t.visitId, { ...here, inspector: inspector(s.officerId), inspectorId: s.officerId, recorded: s.draw, expected: draw });
    eligible.push({ s, draw, at: j });
  });
  const taken = t.scanned.filter((s) => s.status === 'eligible').length;
  const lastEligible = t.scanned.length > 0 && t.scanned[t.scanned.length - 1]?.status === 'eligible';
  if (t.limit !== null && (taken > t.limit || (taken === t.limit && !lastEligible))) malformed('late-stop', { limit: t.limit }, `${path}.scanned`);
  else if (t.scanned.length < t.present && taken !== t.limit) malformed('early-stop', { eligible: taken, limit: t.limit ?? t.present }, `${path}.scanned`);
  // The ranking: least standing (load − bonus) first, then the draw in 2^20 steps, then the place in the scan.
  const ranked = eligible
    .map((e) => ({ ...e, standing: (e.s.load as number) - (e.s.bonus ?? 0), step: Math.floor(e.draw * 1048576) }))
    .sort((x, y) => x.standing - y.standing || x.step - y.step || x.at - y.at);
  const team = teamOf(
    ranked.filter((e) => e.s.free === true).map((e) => ({ id: e.s.officerId, holds: new Set(e.s.holds) })),
    t.need,
    t.qualifications,
  );
  const drawn = t.rule === 'rebalanced' ? (t.drawn ?? []) : t.chosen;
  if (team === undefined || !sameSet(team, drawn)) {
    add(ctx, 'team', `${path}.${t.rule === 'rebalanced' ? 'drawn' : 'chosen'}`, t.visitId, { ...here, expected: team === undefined ? say(ctx, 'none') : list(ctx, [...team].sort(), inspector), recorded: list(ctx, drawn, inspector), expectedIds: team ?? null, recordedIds: drawn });
  }
  draws += checkSwaps(ctx, a, t, path, day, eh, drawn);
  if (facts) facts.check(ctx, t, path);
  return draws;
}

/**
 * The team rule (method team-draw/1), read from the method's description, not from the
 * planner: from the free candidates in rank order, while a required qualification is missing
 * the candidate holding most of the missing ones joins (the first such); then the best ranked
 * others until there are `need`. Undefined when the candidates cannot make a team.
 */
function teamOf(free: readonly { id: string; holds: ReadonlySet<string> }[], need: number, qualifications: readonly string[]): string[] | undefined {
  if (free.length < need) return undefined;
  const missing = new Set(qualifications);
  const team: string[] = [];
  while (missing.size > 0) {
    let best: (typeof free)[number] | undefined;
    let bestGain = 0;
    for (const c of free) {
      if (team.includes(c.id)) continue;
      const gain = [...missing].filter((q) => c.holds.has(q)).length;
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    if (!best) return undefined;
    team.push(best.id);
    for (const q of best.holds) missing.delete(q);
  }
  for (const c of free) if (team.length < need && !team.includes(c.id)) team.push(c.id);
  return team.length >= need ? team : undefined;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  return x.size === a.length && a.length === b.length && b.every((id) => x.has(id));
}

/** The swaps of a rebalanced team, applied in order to the drawn team: each one the window's first eligible officer with the least load + draw. */
function checkSwaps(ctx: Ctx, a: TeamDrawAudit, t: Drawn, path: string, day: number, eh: number, drawn: readonly string[]): number {
  const swaps = t.rule === 'rebalanced' ? (t.swaps ?? []) : [];
  const here = { department: ctx.names.department(t.departmentId), departmentId: t.departmentId };
  const team = new Set(drawn);
  let draws = 0;
  swaps.forEach((s, k) => {
    const at = `${path}.swaps[${k}]`;
    const bad = (problem: string, values: Record<string, unknown> = {}, where = at) =>
      add(ctx, 'swap', where, t.visitId, { ...here, out: ctx.names.inspector(s.out), in: ctx.names.inspector(s.in), reason: problem, problem: say(ctx, `problem.${problem}`, values) });
    const offset = s.present > 0 ? Math.floor(mixKey(eh, day, t.departmentIndex + 11) * s.present) : 0;
    if (s.offset !== offset) add(ctx, 'scan_offset', `${at}.offset`, t.visitId, { ...here, recorded: s.offset, expected: offset });
    if (s.window.length !== Math.min(s.present, SWAP_WINDOW)) bad('window-size', { count: s.window.length, expected: Math.min(s.present, SWAP_WINDOW) }, `${at}.window`);
    if (!team.has(s.out)) bad('out-not-in-team', {}, `${at}.out`);
    if (team.has(s.in)) bad('in-on-team', {}, `${at}.in`);
    let best: string | undefined;
    let bestKey = Infinity;
    s.window.forEach((w, j) => {
      const draw = mixKey(officerHash(a.seed, w.officerId), eh, day);
      draws++;
      if (w.draw !== draw) add(ctx, 'officer_draw', `${at}.window[${j}].draw`, t.visitId, { ...here, inspector: ctx.names.inspector(w.officerId), inspectorId: w.officerId, recorded: w.draw, expected: draw });
      if (!w.eligible) return;
      if (team.has(w.officerId) || w.load + 1 >= s.outLoad) bad('not-lighter', { inspector: ctx.names.inspector(w.officerId) }, `${at}.window[${j}]`);
      if (w.load + draw < bestKey) {
        bestKey = w.load + draw;
        best = w.officerId;
      }
    });
    if (best !== s.in) bad('in-not-best', { expected: best === undefined ? say(ctx, 'none') : ctx.names.inspector(best) }, `${at}.in`);
    team.delete(s.out);
    team.add(s.in);
  });
  if (swaps.length > 0 && !sameSet([...team], t.chosen)) {
    add(ctx, 'team', `${path}.chosen`, t.visitId, { ...here, expected: list(ctx, [...team].sort(), ctx.names.inspector), recorded: list(ctx, t.chosen, ctx.names.inspector), expectedIds: [...team].sort(), recordedIds: t.chosen });
  }
  return draws;
}

/** Whether the audit describes the plan's visits and teams: every visit audited, each with its departments and officers. */
function checkPlan(ctx: Ctx, a: TeamDrawAudit, plan: unknown): void {
  const visits = typeof plan === 'object' && plan !== null && Array.isArray((plan as { visits?: unknown }).visits) ? ((plan as { visits: unknown[] }).visits as Record<string, unknown>[]) : [];
  const byId = new Map<string, Record<string, unknown>>();
  for (const v of visits) if (typeof v === 'object' && v !== null && typeof v.id === 'string') byId.set(v.id, v);
  const teams = new Map<string, { departments: string[]; officers: string[]; at: number }>();
  a.teams.forEach((t, i) => {
    const v = byId.get(t.visitId);
    const mismatch = (problem: string, values: Record<string, unknown>) => add(ctx, 'plan_visit', `teams[${i}]`, t.visitId, { reason: problem, problem: say(ctx, `problem.${problem}`, values) });
    if (!v) return mismatch('no-visit', {});
    if (v.enterpriseId !== t.enterpriseId || v.date !== t.date) mismatch('enterprise-date', { enterprise: ctx.names.enterprise(String(v.enterpriseId)), date: String(v.date) });
    const entry = teams.get(t.visitId) ?? { departments: [], officers: [], at: i };
    entry.departments.push(t.departmentId);
    entry.officers.push(...t.chosen);
    teams.set(t.visitId, entry);
  });
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  for (const [id, v] of byId) {
    const entry = teams.get(id);
    const mismatch = (problem: string, values: Record<string, unknown>) => add(ctx, 'plan_visit', entry ? `teams[${entry.at}]` : 'teams', id, { reason: problem, problem: say(ctx, `problem.${problem}`, values) });
    if (!entry) {
      mismatch('not-audited', {});
      continue;
    }
    const departments = strings(v.departmentIds);
    const officers = strings(v.inspectorIds);
    if (!sameSet(departments, entry.departments)) mismatch('departments', { expected: list(ctx, departments, ctx.names.department), recorded: list(ctx, entry.departments, ctx.names.department) });
    if (!sameSet(officers, entry.officers)) mismatch('officers', { expected: list(ctx, officers, ctx.names.inspector), recorded: list(ctx, entry.officers, ctx.names.inspector) });
  }
}

/**
 * Whether each drawn team's `need` and `qualifications` are what the department's occurrences
 * in the plan's visit require (contract: the most officers any of its requests asks for, at
 * least the policy's minimum; every qualification of their items).
 */
function checkDemand(ctx: Ctx, a: TeamDrawAudit, plan: unknown, scenario: Scenario): void {
  const visits = typeof plan === 'object' && plan !== null && Array.isArray((plan as { visits?: unknown }).visits) ? ((plan as { visits: unknown[] }).visits as Record<string, unknown>[]) : [];
  const occurrences = new Map(expandOccurrences(scenario).map((o) => [o.id, o.request]));
  const items = new Map(scenario.items.map((it) => [it.id, it]));
  const byId = new Map<string, unknown[]>();
  for (const v of visits) if (typeof v === 'object' && v !== null && typeof v.id === 'string' && Array.isArray(v.occurrenceIds)) byId.set(v.id, v.occurrenceIds);
  const min = scenario.policy.minInspectorsPerDepartment;
  a.teams.forEach((t, i) => {
    const ids = byId.get(t.visitId);
    if (t.rule === 'not-drawn' || !ids) return;
    const requests = ids.flatMap((id) => {
      const r = typeof id === 'string' ? occurrences.get(id) : undefined;
      return r && r.departmentId === t.departmentId ? [r] : [];
    });
    if (requests.length === 0) return;
    const need = Math.max(min, ...requests.map((r) => r.inspectors ?? min));
    const qualifications = [...new Set(requests.flatMap((r) => r.itemIds.flatMap((id) => items.get(id)?.qualifications ?? [])))].sort();
    if (need !== t.need || !sameSet(qualifications, t.qualifications)) {
      const words = (n: number, qs: readonly string[]) => say(ctx, 'demand.words', { need: n, qualifications: qs.length === 0 ? say(ctx, 'demand.none') : list(ctx, qs, (q) => q) });
      add(ctx, 'demand', `teams[${i}]`, t.visitId, {
        department: ctx.names.department(t.departmentId),
        departmentId: t.departmentId,
        recorded: words(t.need, t.qualifications),
        expected: words(need, qualifications),
        recordedIds: { need: t.need, qualifications: t.qualifications },
        expectedIds: { need, qualifications },
      });
    }
  });
}

/** What the scenario says about officers on a day: who is present, and who may go where. */
class Facts {
  readonly scenario: Scenario;
  private readonly horizon: { from: number; to: number };
  private readonly unavailable = new Map<string, DaySet>();
  private readonly inspectors: Map<string, Inspector>;
  private readonly departmentIndex: Map<string, number>;
  private readonly enterprises: Map<string, Scenario['enterprises'][number]>;
  /** By department: its officers in id order (the planner's order of the present list). */
  private readonly byDepartment = new Map<string, Inspector[]>();

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.horizon = horizonDays(scenario);
    this.inspectors = new Map(scenario.inspectors.map((p) => [p.id, p]));
    this.departmentIndex = new Map(scenario.departments.map((d, i) => [d.id, i]));
    this.enterprises = new Map(scenario.enterprises.map((e) => [e.id, e]));
    for (const p of [...scenario.inspectors].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
      const list = this.byDepartment.get(p.departmentId) ?? [];
      list.push(p);
      this.byDepartment.set(p.departmentId, list);
    }
  }

  /** Why an officer could not go (department, certificate, leave), or undefined. */
  private absent(p: Inspector, departmentId: string, date: string): { key: string; values: Record<string, unknown> } | undefined {
    if (p.departmentId !== departmentId) return { key: 'reason.department', values: { owner: p.departmentId } };
    if (date < p.certificate.validFrom || date > p.certificate.validTo) return { key: 'reason.certificate', values: { validFrom: p.certificate.validFrom, validTo: p.certificate.validTo } };
    let days = this.unavailable.get(p.id);
    if (!days) this.unavailable.set(p.id, (days = unavailableDays(p.unavailable, p.unavailableRule, this.horizon)));
    if (days.has(parseDay(date) as number)) return { key: 'reason.unavailable', values: {} };
    return undefined;
  }

  check(ctx: Ctx, t: Drawn, path: string): void {
    const here = { department: ctx.names.department(t.departmentId), departmentId: t.departmentId, date: t.date };
    const enterprise = this.enterprises.get(t.enterpriseId);
    const index = this.departmentIndex.get(t.departmentId);
    const unknown = (kind: string, id: string, at: string) => add(ctx, 'unknown_id', at, t.visitId, { kind: say(ctx, `kind.${kind}`), id });
    if (!enterprise) unknown('enterprise', t.enterpriseId, `${path}.enterpriseId`);
    if (index === undefined) unknown('department', t.departmentId, `${path}.departmentId`);
    else if (index !== t.departmentIndex) add(ctx, 'department_index', `${path}.departmentIndex`, t.visitId, { ...here, expected: index, recorded: t.departmentIndex });
    if (!enterprise || index === undefined) return;
    // Present that day, in id order: the scan must be this list from its offset, officer by officer.
    const present = (this.byDepartment.get(t.departmentId) ?? []).filter((p) => this.absent(p, t.departmentId, t.date) === undefined).map((p) => p.id);
    const mismatch = (problem: string, values: Record<string, unknown>, at: string) => add(ctx, 'present', at, t.visitId, { ...here, reason: problem, problem: say(ctx, `problem.${problem}`, values) });
    if (present.length !== t.present) mismatch('count', { present: t.present, expected: present.length }, `${path}.present`);
    else {
      t.scanned.forEach((s, j) => {
        const expected = present[(t.offset + j) % present.length];
        if (expected !== undefined && s.officerId !== expected) mismatch('order', { position: j + 1, recorded: ctx.names.inspector(s.officerId), expected: ctx.names.inspector(expected) }, `${path}.scanned[${j}].officerId`);
      });
    }
    const window = t.rule === 'rebalanced' ? (t.swaps ?? []) : [];
    window.forEach((s, k) =>
      s.window.forEach((w, j) => {
        const expected = present.length === s.present ? present[(s.offset + j) % present.length] : undefined;
        if (expected !== undefined && w.officerId !== expected) mismatch('order', { position: j + 1, recorded: ctx.names.inspector(w.officerId), expected: ctx.names.inspector(expected) }, `${path}.swaps[${k}].window[${j}].officerId`);
        if (w.eligible) this.checkOfficer(ctx, t, w.officerId, 'eligible', undefined, `${path}.swaps[${k}].window[${j}]`, enterprise);
      }),
    );
    t.scanned.forEach((s, j) => this.checkOfficer(ctx, t, s.officerId, s.status, s.holds, `${path}.scanned[${j}]`, enterprise));
  }

  /** An officer's recorded status and qualifications against the scenario. */
  private checkOfficer(ctx: Ctx, t: Drawn, officerId: string, status: Scanned['status'], holds: readonly string[] | undefined, path: string, enterprise: Scenario['enterprises'][number]): void {
    const here = { department: ctx.names.department(t.departmentId), departmentId: t.departmentId, inspector: ctx.names.inspector(officerId), inspectorId: officerId };
    const p = this.inspectors.get(officerId);
    if (!p) return add(ctx, 'unknown_id', `${path}.officerId`, t.visitId, { kind: say(ctx, 'kind.inspector'), id: officerId });
    const area = enterprise.area !== undefined && p.areas !== undefined && !p.areas.includes(enterprise.area);
    const recused = p.avoid.includes(enterprise.id);
    if (status === 'eligible') {
      const why = this.absent(p, t.departmentId, t.date) ?? (area ? { key: 'reason.area', values: { area: enterprise.area } } : recused ? { key: 'reason.recused', values: { enterprise: ctx.names.enterprise(enterprise.id) } } : undefined);
      if (why) add(ctx, 'not_eligible', path, t.visitId, { ...here, reason: why.key.slice('reason.'.length), problem: say(ctx, why.key, why.key === 'reason.department' ? { owner: ctx.names.department(String(why.values.owner)) } : why.values) });
      const expected = t.qualifications.filter((q) => p.qualifications.includes(q));
      if (holds !== undefined && !sameSet(holds, expected)) {
        add(ctx, 'holds', `${path}.holds`, t.visitId, { ...here, recorded: list(ctx, holds, (q) => q), expected: list(ctx, expected, (q) => q), recordedIds: holds, expectedIds: expected });
      }
    } else if ((status === 'area' && !area) || (status === 'recused' && (area || !recused))) {
      add(ctx, 'scan_status', `${path}.status`, t.visitId, { ...here, status: say(ctx, `status.${status}`) });
    }
  }
}
