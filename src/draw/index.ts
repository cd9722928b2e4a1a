/**
 * `draw`: random draws of enterprises (双随机) made to be merged into joint visits. Each task's
 * population is stratified by risk grade; within a stratum the sample is the units with the
 * smallest permanent random numbers (sequential simple random sampling), coordinated tasks
 * share their numbers so their samples overlap, avoided enterprises come last. See docs/draw.md.
 */
import { InputError, makeIssue, ScenarioError, type InputIssue } from '../model/issues.js';
import { safeParseScenario } from '../model/parse.js';
import { isParsedScenario } from '../model/parsed.js';
import type { Enterprise, Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';
import { drawIssue } from './messages.js';
import { ENTERPRISE_DRAW_METHOD, permanentRandom, roundingDraw, streamOf } from './prn.js';
import { byCodeUnits, drawOrder, expectedSize, idsHash, ratioOf, sampleSizes, STRATA, type Stratum } from './sample.js';
import { coordinationGroups, drawingOrder, readTasks, type ReadTask } from './tasks.js';
import { defaultDrawOptions, type DrawTask, type DrawAuditStratum, type DrawAuditTask, type DrawAuditUnit, type DrawnRequest, type DrawOptions, type DrawResult, type DrawRule, type EnterpriseDrawAudit } from './types.js';
import { DrawError, readAuditRecord } from './verify.js';

export { DrawError };
export { defaultDrawOptions };
export type { DrawAuditStratum, DrawAuditTask, DrawAuditUnit, DrawnRequest, DrawOptions, DrawParticipant, DrawPopulation, DrawResult, DrawRule, DrawTask, EnterpriseDrawAudit, Rounding, Stratum } from './types.js';

interface CheckedOptions {
  seed: number | undefined;
  previous: EnterpriseDrawAudit[];
  locale: Locale;
  allowUnknownFields: boolean;
}

function checkedOptions(given: unknown): CheckedOptions {
  const locale = defaultDrawOptions.locale;
  const none: CheckedOptions = { seed: undefined, previous: [], locale, allowUnknownFields: false };
  if (given === undefined || given === null) return none;
  const received = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (typeof given !== 'object' || Array.isArray(given)) throw new InputError('options', [makeIssue(['options'], 'invalid_type', { expected: 'object', received: received(given) }, locale)], locale);
  const o = given as Record<string, unknown>;
  const chosen = o.locale === 'en' || o.locale === 'zh-CN' ? o.locale : locale;
  const issues: InputIssue[] = [];
  const expect = (name: string, ok: (v: unknown) => boolean, expected: string) => {
    const v = o[name];
    if (v !== undefined && !ok(v)) issues.push(makeIssue(['options', name], 'invalid_type', { expected, received: received(v) }, chosen));
  };
  expect('seed', Number.isSafeInteger, 'integer');
  expect('locale', (v) => v === 'en' || v === 'zh-CN', '"zh-CN" | "en"');
  expect('allowUnknownFields', (v) => typeof v === 'boolean', 'boolean');
  expect('previous', Array.isArray, 'array of draw records');
  const previous: EnterpriseDrawAudit[] = [];
  if (Array.isArray(o.previous)) {
    o.previous.forEach((record: unknown, i) => {
      const read = readAuditRecord(record, chosen);
      if ('issues' in read) issues.push(...read.issues.map((issue) => ({ ...issue, segments: ['options', 'previous', i, ...issue.segments], path: `options.previous[${i}]${issue.path === '' || issue.path.startsWith('[') ? '' : '.'}${issue.path}` })));
      else if (read.audit.kind === 'enterprise-draw') previous.push(read.audit);
    });
  }
  if (issues.length > 0) throw new InputError('options', issues, chosen);
  return { seed: o.seed as number | undefined, previous, locale: chosen, allowUnknownFields: o.allowUnknownFields === true };
}

function checkedScenario(scenario: unknown, locale: Locale): Scenario {
  if (isParsedScenario(scenario)) return scenario;
  const parsed = safeParseScenario(scenario, { locale });
  if (!parsed.success) throw new ScenarioError(parsed.issues, locale);
  return parsed.data;
}

/**
 * Draws enterprises for each task (双随机): stratified by risk grade, each stratum's sample the
 * units with the smallest permanent random numbers of the seed, coordinated tasks
 * (`coordinateWith`) on shared numbers, avoided enterprises (`avoid`) last; whitelisted
 * enterprises only when an item of the task is in an exempt field (contract §1.6). Returns the
 * drawn enterprises, the requests to append to the scenario (basis `random`, ids `<task>/<enterprise>`,
 * joint tasks `<task>/<enterprise>/<department>`) and the audit record for `verifyDraw`.
 * Throws `DrawError` (every problem of the tasks by JSON path), `ScenarioError` or `InputError`
 * (options). Never mutates its arguments.
 * @example
 * const { drawn, requests, audit } = draw(scenario, [
 *   { id: 'SAMR-food', departmentId: 'SAMR', itemIds: ['SAMR-01'], window: { from: '2026-04-01', to: '2026-06-30' },
 *     population: { tags: ['catering'] }, ratioByRiskGrade: { D: 0.3, C: 0.1, B: 0.02, A: 0.01 } },
 *   { id: 'FIRE-venues', departmentId: 'FIRE', itemIds: ['FIRE-01'], window: { from: '2026-04-01', to: '2026-06-30' },
 *     population: { tags: ['catering'] }, ratio: 0.05, coordinateWith: ['SAMR-food'] }, // overlaps SAMR's sample
 * ], { seed: 2026 });
 * const next = parseScenario({ ...scenarioJson, requests: [...scenarioJson.requests, ...requests] });
 * verifyDraw(audit).valid; // true
 */
export function draw(scenario: Scenario, tasks: readonly DrawTask[], options: DrawOptions = {}): DrawResult {
  const opts = checkedOptions(options);
  const { locale } = opts;
  const sc = checkedScenario(scenario, locale);
  const previousIds = new Set(opts.previous.flatMap((a) => a.tasks.map((t) => t.taskId)));
  const read = readTasks(tasks, sc, previousIds, locale, opts.allowUnknownFields);
  if ('issues' in read) throw new DrawError('tasks', read.issues, locale);
  const list = read.tasks;
  const seed = opts.seed ?? sc.policy.seed;
  const ids = new Map(list.map((t, i) => [t.id, i]));
  const groups = coordinationGroups(list);
  const drawnOf = new Map<string, string[]>();
  const auditTasks: (DrawAuditTask | undefined)[] = list.map(() => undefined);
  const prns = new Map<string, Map<string, number>>();
  for (const i of drawingOrder(list, ids).order) {
    const task = list[i] as ReadTask;
    const group = (groups[i] as number[]).map((j) => (list[j] as ReadTask).id);
    const stream = streamOf(task.id, group);
    let streamPrns = prns.get(stream);
    if (!streamPrns) prns.set(stream, (streamPrns = new Map()));
    const avoid = avoidSet(task, ids, drawnOf, opts.previous);
    const audited = drawTask(sc, task, seed, stream, streamPrns, avoid);
    audited.coordinatedWith = group.filter((id) => id !== task.id).sort();
    auditTasks[i] = audited;
    drawnOf.set(task.id, audited.drawn);
  }
  const audit: EnterpriseDrawAudit = { kind: 'enterprise-draw', method: ENTERPRISE_DRAW_METHOD, seed, tasks: auditTasks as DrawAuditTask[] };
  const requests = requestsOf(sc, list, audit, locale);
  const drawn: Record<string, string[]> = {};
  for (const t of audit.tasks) drawn[t.taskId] = [...t.drawn];
  return { drawn, requests, audit, warnings: read.warnings };
}

interface AvoidSet {
  ids: Set<string>;
  sources: string[];
}

function avoidSet(task: ReadTask, ids: ReadonlyMap<string, number>, drawnOf: ReadonlyMap<string, string[]>, previous: readonly EnterpriseDrawAudit[]): AvoidSet {
  const out = new Set<string>();
  const sources: string[] = [];
  for (const entry of task.avoid) {
    if (typeof entry !== 'string') {
      sources.push('list');
      for (const id of entry.enterpriseIds) out.add(id);
    } else if (ids.has(entry)) {
      sources.push(`task:${entry}`);
      for (const id of drawnOf.get(entry) ?? []) out.add(id);
    } else {
      sources.push(`previous:${entry}`);
      for (const record of previous) for (const t of record.tasks) if (t.taskId === entry) for (const id of t.drawn) out.add(id);
    }
  }
  return { ids: out, sources };
}

function inPopulation(e: Enterprise, task: ReadTask): boolean {
  const p = task.population;
  if (p.area && (e.area === undefined || !p.area.includes(e.area))) return false;
  if (p.riskGrade && (e.riskGrade === undefined || !p.riskGrade.includes(e.riskGrade))) return false;
  if (p.tags && !e.tags.some((t) => p.tags?.includes(t))) return false;
  if (p.whitelisted !== undefined && e.whitelisted !== p.whitelisted) return false;
  return true;
}

/** Whether a department may inspect there (its `areas`, when both it and the enterprise's area are given). */
function inJurisdiction(sc: Scenario, departmentId: string, e: Enterprise): boolean {
  const areas = sc.departments.find((d) => d.id === departmentId)?.areas;
  return areas === undefined || e.area === undefined || areas.includes(e.area);
}

/** Whether one of the items is in a whitelist-exempt field (contract §1.6). */
function exemptItems(sc: Scenario, itemIds: readonly string[]): boolean {
  const fields = new Set(sc.policy.whitelistExemptFields);
  return itemIds.some((id) => {
    const field = sc.items.find((it) => it.id === id)?.field;
    return field !== undefined && fields.has(field);
  });
}

const stratumOf = (e: Enterprise): Stratum => e.riskGrade ?? 'ungraded';

function drawTask(sc: Scenario, task: ReadTask, seed: number, stream: string, prns: Map<string, number>, avoid: AvoidSet): DrawAuditTask {
  const exempt = exemptItems(sc, task.itemIds);
  const prnOf = (id: string) => {
    let u = prns.get(id);
    if (u === undefined) prns.set(id, (u = permanentRandom(seed, stream, id)));
    return u;
  };
  const eligible = new Map<Stratum, { enterpriseId: string; name: string; prn: number; avoided: boolean }[]>();
  const excluded: DrawAuditUnit[] = [];
  for (const e of sc.enterprises) {
    if (!inPopulation(e, task)) continue;
    const stratum = stratumOf(e);
    const prn = prnOf(e.id);
    const rule: DrawRule | undefined = !inJurisdiction(sc, task.departmentId, e) ? 'outside-jurisdiction' : e.whitelisted && !exempt ? 'whitelisted' : undefined;
    if (rule) excluded.push({ enterpriseId: e.id, name: e.name, stratum, prn, rule });
    else {
      let members = eligible.get(stratum);
      if (!members) eligible.set(stratum, (members = []));
      members.push({ enterpriseId: e.id, name: e.name, prn, avoided: avoid.ids.has(e.id) });
    }
  }
  const present = STRATA.filter((s) => eligible.has(s));
  const plans = present.map((stratum) => ({
    stratum,
    size: (eligible.get(stratum) ?? []).length,
    ratio: ratioOf(task, stratum),
    v: roundingDraw(seed, stream, stratum),
  }));
  const sizes = sampleSizes(plans, task);
  const strata: DrawAuditStratum[] = [];
  const units: DrawAuditUnit[] = [];
  plans.forEach((plan, k) => {
    const members = eligible.get(plan.stratum) ?? [];
    const n = sizes[k] as number;
    strata.push({
      stratum: plan.stratum,
      size: plan.size,
      idsSha256: idsHash(members.map((m) => m.enterpriseId)),
      ratio: plan.ratio,
      expected: expectedSize(plan.ratio ?? 0, plan.size),
      roundingDraw: plan.v,
      sampleSize: n,
    });
    drawOrder(members).forEach((m, rank) => {
      const rule: DrawRule = rank < n ? (m.avoided ? 'drawn-despite-avoid' : 'drawn') : m.avoided ? 'avoided' : 'not-drawn';
      units.push({ enterpriseId: m.enterpriseId, name: m.name, stratum: plan.stratum, prn: m.prn, rule });
    });
  });
  units.push(...excluded);
  const department = sc.departments.find((d) => d.id === task.departmentId);
  return {
    taskId: task.id,
    departmentId: task.departmentId,
    departmentName: department?.name ?? task.departmentId,
    participantIds: (task.participants ?? []).map((p) => p.departmentId),
    basis: task.basis,
    stream,
    coordinatedWith: [],
    population: { ...task.population },
    rounding: task.rounding,
    ...(task.ratio !== undefined ? { ratio: task.ratio } : {}),
    ...(task.ratioByRiskGrade !== undefined ? { ratioByRiskGrade: { ...task.ratioByRiskGrade } } : {}),
    ...(task.minCount !== undefined ? { minCount: task.minCount } : {}),
    ...(task.maxCount !== undefined ? { maxCount: task.maxCount } : {}),
    avoidSources: avoid.sources,
    avoided: [...eligible.values()].flat().filter((m) => m.avoided).map((m) => m.enterpriseId).sort(byCodeUnits),
    strata,
    units,
    drawn: units.filter((u) => u.rule === 'drawn' || u.rule === 'drawn-despite-avoid').map((u) => u.enterpriseId).sort(byCodeUnits),
  };
}

function requestsOf(sc: Scenario, tasks: readonly ReadTask[], audit: EnterpriseDrawAudit, locale: Locale): DrawnRequest[] {
  const taken = new Set(sc.requests.map((r) => r.id));
  const enterprises = new Map(sc.enterprises.map((e) => [e.id, e]));
  const issues: InputIssue[] = [];
  const out: DrawnRequest[] = [];
  tasks.forEach((task, i) => {
    const joint = (task.participants ?? []).length > 0;
    const parts = [{ departmentId: task.departmentId, itemIds: task.itemIds }, ...(task.participants ?? [])];
    const exempt = parts.map((p) => exemptItems(sc, p.itemIds));
    for (const enterpriseId of (audit.tasks[i] as DrawAuditTask).drawn) {
      const e = enterprises.get(enterpriseId) as Enterprise;
      parts.forEach((p, k) => {
        // A cooperating department that may not inspect there (its areas, the whitelist) gets no request.
        if (k > 0 && (!inJurisdiction(sc, p.departmentId, e) || (e.whitelisted && !exempt[k]))) return;
        const id = joint ? `${task.id}/${enterpriseId}/${p.departmentId}` : `${task.id}/${enterpriseId}`;
        if (taken.has(id)) issues.push(drawIssue([i, 'id'], 'request_id_taken', { requestId: id, enterprise: e.name, enterpriseId }, locale));
        taken.add(id);
        out.push({
          id,
          departmentId: p.departmentId,
          enterpriseId,
          itemIds: [...p.itemIds],
          window: { ...task.window },
          basis: task.basis,
          ...(task.priority !== undefined ? { priority: task.priority } : {}),
        });
      });
    }
  });
  if (issues.length > 0) throw new DrawError('tasks', issues, locale);
  return out;
}
