/**
 * `verifyDraw`: re-derives a draw from its audit record alone — every permanent random number
 * from the seed, each stratum's size, hash and sample size, each unit's rule, the drawn list —
 * and lists what does not match. Records of several kinds share the entry: `kind` says which
 * (`enterprise-draw` here; a new kind adds its schema and its case to the two switches below).
 */
import { z } from 'zod';
import { formatPath, fromZodIssues, InputError, makeIssue, type InputIssue } from '../model/issues.js';
import { PLANNED_BASES, idSchema, riskGradeSchema } from '../model/primitives.js';
import { unknownFields } from '../model/unknown-fields.js';
import { formatMessage, type Locale } from '../report/format.js';
import { inputMessages } from '../report/locales/input-messages.js';
import { withId } from '../report/names.js';
import { drawText } from './messages.js';
import { ENTERPRISE_DRAW_METHOD, permanentRandom, roundingDraw, streamOf } from './prn.js';
import { byCodeUnits, drawOrder, expectedSize, idsHash, ratioOf, ROUNDINGS, sampleSizes, STRATA, type Stratum } from './sample.js';
import { coordinationGroups, populationSchema } from './tasks.js';
import { verifyTeamDraw, type TeamDrawMismatchCode } from './team-audit.js';
import type { DrawAuditTask, DrawRule, EnterpriseDrawAudit } from './types.js';

/**
 * Tasks or a draw record that cannot be read: every problem with its JSON path (an `InputError`).
 * @example
 * try {
 *   draw(scenario, [{ id: 'T1', departmentId: 'SAMR', itemIds: ['SAMR-01'], window, ratio: 0.1, coordinatWith: ['T2'] }]);
 * } catch (error) {
 *   if (error instanceof DrawError) console.error(error.issues[0]?.path); // '[0].coordinatWith' (did you mean `coordinateWith`?)
 * }
 */
export class DrawError extends InputError {
  /** What could not be read: the tasks, or a draw record. */
  readonly subject: 'tasks' | 'draw-audit';
  constructor(subject: 'tasks' | 'draw-audit', issues: InputIssue[], locale: Locale = 'zh-CN') {
    super(subject, issues, locale);
    this.name = 'DrawError';
    this.subject = subject;
    const root = formatMessage(inputMessages, locale, 'path.document');
    this.message = `${drawText(locale, `heading.${subject}`, { count: issues.length })}\n` + issues.map((i) => `  ${i.path || root}: ${i.message}`).join('\n');
  }
}

const RULES = ['drawn', 'not-drawn', 'avoided', 'drawn-despite-avoid', 'whitelisted', 'outside-jurisdiction'] as const satisfies readonly DrawRule[];
const EXCLUDED: ReadonlySet<DrawRule> = new Set(['whitelisted', 'outside-jurisdiction']);
const DRAWN: ReadonlySet<DrawRule> = new Set(['drawn', 'drawn-despite-avoid']);

const ratioSchema = z.number().min(0).max(1);
const unitSchema = z.object({ enterpriseId: idSchema, name: z.string(), stratum: z.enum(STRATA), prn: z.number(), rule: z.enum(RULES) });
const stratumSchema = z.object({
  stratum: z.enum(STRATA),
  size: z.number().int().min(0),
  idsSha256: z.string(),
  ratio: ratioSchema.nullable(),
  expected: z.number(),
  roundingDraw: z.number(),
  sampleSize: z.number().int().min(0),
});
const auditTaskSchema = z.object({
  taskId: idSchema,
  departmentId: idSchema,
  departmentName: z.string(),
  participantIds: z.array(idSchema),
  basis: z.enum(PLANNED_BASES),
  stream: z.string(),
  coordinatedWith: z.array(idSchema),
  population: populationSchema,
  rounding: z.enum(ROUNDINGS),
  ratio: ratioSchema.optional(),
  ratioByRiskGrade: z.partialRecord(riskGradeSchema, ratioSchema).optional(),
  minCount: z.number().int().min(0).optional(),
  maxCount: z.number().int().min(0).optional(),
  avoidSources: z.array(z.string()),
  avoided: z.array(idSchema),
  strata: z.array(stratumSchema),
  units: z.array(unitSchema),
  drawn: z.array(idSchema),
});
const enterpriseDrawSchema = z.object({ kind: z.literal('enterprise-draw'), method: z.string(), seed: z.number().int(), tasks: z.array(auditTaskSchema) });

/** The kinds of draw record `verifyDraw` knows. */
export const DRAW_RECORD_KINDS = ['enterprise-draw'] as const;

/** A draw record of a known kind, read strictly (a misspelt field is an error), or every problem. */
export type AuditRead = { audit: EnterpriseDrawAudit } | { issues: InputIssue[] };

export function readAuditRecord(value: unknown, locale: Locale): AuditRead {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { issues: [makeIssue([], 'invalid_type', { expected: 'object', received: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value }, locale)] };
  }
  const kind = (value as { kind?: unknown }).kind;
  switch (kind) {
    case 'enterprise-draw': {
      const parsed = enterpriseDrawSchema.safeParse(value);
      const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues, value, locale);
      issues.push(...unknownFields(enterpriseDrawSchema, value, locale).errors);
      if (issues.length > 0 || !parsed.success) return { issues };
      return { audit: parsed.data as EnterpriseDrawAudit };
    }
    default:
      return { issues: [makeIssue(['kind'], kind === undefined ? 'missing' : 'invalid_value', { options: DRAW_RECORD_KINDS.map((k) => JSON.stringify(k)) }, locale)] };
  }
}

/**
 * One thing a verification found that the record's own data does not give.
 * @example
 * const m: DrawMismatch = { code: 'prn', path: 'tasks[0].units[3].prn', taskId: 'T1', message: '…', expected: 0.12, found: 0.5 };
 */
export interface DrawMismatch {
  code: DrawMismatchCode;
  /** JSON path inside the record. */
  path: string;
  taskId?: string;
  message: string;
  expected?: unknown;
  found?: unknown;
}

/**
 * The codes of `DrawMismatch`.
 * @example
 * const prnOnly = verification.mismatches.filter((m) => m.code === ('prn' satisfies DrawMismatchCode));
 */
export type DrawMismatchCode = 'unknown_method' | 'stream' | 'duplicate_unit' | 'prn' | 'stratum_unlisted' | 'stratum_size' | 'stratum_hash' | 'rounding_draw' | 'sample_size' | 'rule' | 'drawn' | TeamDrawMismatchCode;

/**
 * What `verifyDraw` returns: `valid` when everything re-derives as recorded.
 * @example
 * const { valid, mismatches }: DrawVerification = verifyDraw(JSON.parse(readFileSync('draw-audit.json', 'utf8')));
 * if (!valid) for (const m of mismatches) console.error(`${m.path}: ${m.message}`);
 */
export interface DrawVerification {
  valid: boolean;
  kind: string;
  mismatches: DrawMismatch[];
  /** The samples as the record's own data give them, task id → enterprise ids (sorted): the draw rebuilt from the record alone. */
  drawn: Record<string, string[]>;
}

/**
 * Options of `verifyDraw`.
 * @example
 * verifyDraw(audit, { locale: 'en' });
 */
export interface VerifyDrawOptions {
  /** Language of messages; default `zh-CN`. */
  locale?: Locale;
  /** A `team-draw` record only (a plan's `audit`): its scenario and plan, as `verifyTeamDraw` takes them. */
  scenario?: unknown;
  plan?: unknown;
}

/**
 * Verifies a draw record from the record alone (it can be published with the plan, 一公开):
 * re-derives every random number from the seed, each stratum's size, SHA-256 and sample size,
 * each unit's rule and the drawn list, and lists every mismatch. A record that cannot be read
 * at all throws `DrawError` with every problem by path.
 * @example
 * const { audit } = draw(scenario, tasks, { seed: 2026 });
 * verifyDraw(audit).valid; // true
 * const forged = structuredClone(audit);
 * forged.tasks[0]!.drawn[0] = 'E999';
 * verifyDraw(forged).mismatches[0]?.code; // 'drawn'
 */
export function verifyDraw(audit: unknown, options: VerifyDrawOptions = {}): DrawVerification {
  const given = typeof options === 'object' && options !== null ? (options as { locale?: unknown }).locale : undefined;
  const locale: Locale = given === 'en' ? 'en' : 'zh-CN';
  if (typeof audit === 'object' && audit !== null && (audit as { kind?: unknown }).kind === 'team-draw') {
    // A plan's team-draw audit (officers drawn at random): team-audit.ts; nothing to rebuild per task.
    const { scenario, plan } = typeof options === 'object' && options !== null ? options : ({} as VerifyDrawOptions);
    const { valid, kind, mismatches } = verifyTeamDraw(audit, scenario, { locale, ...(plan !== undefined ? { plan } : {}) });
    return { valid, kind, mismatches, drawn: {} };
  }
  const read = readAuditRecord(audit, locale);
  if ('issues' in read) throw new DrawError('draw-audit', read.issues, locale);
  const record = read.audit;
  switch (record.kind) {
    case 'enterprise-draw': {
      const { mismatches, drawn } = verifyEnterpriseDraw(record, locale);
      return { valid: mismatches.length === 0, kind: record.kind, mismatches, drawn };
    }
  }
}

function verifyEnterpriseDraw(audit: EnterpriseDrawAudit, locale: Locale): { mismatches: DrawMismatch[]; drawn: Record<string, string[]> } {
  const out: DrawMismatch[] = [];
  const drawn: Record<string, string[]> = {};
  const say = (segments: (string | number)[], code: DrawMismatchCode, details: Record<string, unknown>) =>
    out.push({ code, path: formatPath(segments), ...(typeof details.taskId === 'string' ? { taskId: details.taskId } : {}), message: drawText(locale, code, details), expected: details.expected, found: details.found });
  if (audit.method !== ENTERPRISE_DRAW_METHOD) {
    say(['method'], 'unknown_method', { expected: ENTERPRISE_DRAW_METHOD, found: audit.method });
    return { mismatches: out, drawn };
  }
  const groups = coordinationGroups(audit.tasks.map((t) => ({ id: t.taskId, coordinateWith: t.coordinatedWith })));
  audit.tasks.forEach((task, i) => {
    const group = (groups[i] as number[]).map((j) => (audit.tasks[j] as DrawAuditTask).taskId);
    const stream = streamOf(task.taskId, group);
    if (stream !== task.stream) say(['tasks', i, 'stream'], 'stream', { taskId: task.taskId, expected: stream, found: task.stream });
    drawn[task.taskId] = verifyTask(audit.seed, task, ['tasks', i], say, locale);
  });
  return { mismatches: out, drawn };
}

type Say = (segments: (string | number)[], code: DrawMismatchCode, details: Record<string, unknown>) => void;

/** Checks one task's record; returns its sample as the rules give it. */
function verifyTask(seed: number, task: DrawAuditTask, at: (string | number)[], say: Say, locale: Locale): string[] {
  const taskId = task.taskId;
  const count = new Map<string, number>();
  for (const u of task.units) count.set(u.name, (count.get(u.name) ?? 0) + 1);
  const name = (u: { enterpriseId: string; name: string }) => withId(u.name === '' ? u.enterpriseId : u.name, u.enterpriseId, (count.get(u.name) ?? 0) > 1, locale);
  const seen = new Set<string>();
  const avoided = new Set(task.avoided);
  const eligible = new Map<Stratum, { index: number; enterpriseId: string; prn: number; avoided: boolean }[]>();
  task.units.forEach((u, k) => {
    if (seen.has(u.enterpriseId)) say([...at, 'units', k, 'enterpriseId'], 'duplicate_unit', { taskId, enterprise: name(u) });
    seen.add(u.enterpriseId);
    const prn = permanentRandom(seed, task.stream, u.enterpriseId);
    if (prn !== u.prn) say([...at, 'units', k, 'prn'], 'prn', { taskId, enterprise: name(u), expected: prn, found: u.prn });
    if (EXCLUDED.has(u.rule)) return;
    let members = eligible.get(u.stratum);
    if (!members) eligible.set(u.stratum, (members = []));
    members.push({ index: k, enterpriseId: u.enterpriseId, prn, avoided: avoided.has(u.enterpriseId) });
  });
  const listed = new Map(task.strata.map((s, k) => [s.stratum, k]));
  for (const stratum of eligible.keys()) if (!listed.has(stratum)) say([...at, 'strata'], 'stratum_unlisted', { taskId, stratum });
  const present = STRATA.filter((s) => eligible.has(s) || listed.has(s));
  const plans = present.map((stratum) => ({ stratum, size: (eligible.get(stratum) ?? []).length, ratio: ratioOf(task, stratum), v: roundingDraw(seed, task.stream, stratum) }));
  const sizes = sampleSizes(plans, task);
  const expectedRule = new Map<number, DrawRule>();
  plans.forEach((plan, k) => {
    const members = eligible.get(plan.stratum) ?? [];
    const n = sizes[k] as number;
    drawOrder(members).forEach((m, rank) => expectedRule.set(m.index, rank < n ? (m.avoided ? 'drawn-despite-avoid' : 'drawn') : m.avoided ? 'avoided' : 'not-drawn'));
    const s = listed.get(plan.stratum);
    if (s === undefined) return;
    const recorded = task.strata[s] as DrawAuditTask['strata'][number];
    const where = [...at, 'strata', s];
    const stratum = plan.stratum;
    if (recorded.size !== plan.size) say([...where, 'size'], 'stratum_size', { taskId, stratum, expected: plan.size, found: recorded.size });
    const hash = idsHash(members.map((m) => m.enterpriseId));
    if (recorded.idsSha256 !== hash) say([...where, 'idsSha256'], 'stratum_hash', { taskId, stratum, expected: hash, found: recorded.idsSha256 });
    if (recorded.roundingDraw !== plan.v) say([...where, 'roundingDraw'], 'rounding_draw', { taskId, stratum, expected: plan.v, found: recorded.roundingDraw });
    if (recorded.sampleSize !== n || recorded.ratio !== plan.ratio || recorded.expected !== expectedSize(plan.ratio ?? 0, plan.size))
      say([...where, 'sampleSize'], 'sample_size', { taskId, stratum, expected: n, found: recorded.sampleSize });
  });
  task.units.forEach((u, k) => {
    const rule = expectedRule.get(k);
    if (rule !== undefined && rule !== u.rule) say([...at, 'units', k, 'rule'], 'rule', { taskId, enterprise: name(u), expected: rule, found: u.rule, expectedRule: drawText(locale, `rule.${rule}`), foundRule: drawText(locale, `rule.${u.rule}`) });
  });
  const drawn = task.units.filter((_, k) => DRAWN.has(expectedRule.get(k) as DrawRule)).map((u) => u.enterpriseId).sort(byCodeUnits);
  const recordedDrawn = [...task.drawn].sort(byCodeUnits);
  if (drawn.length !== recordedDrawn.length || drawn.some((id, k) => id !== recordedDrawn[k])) say([...at, 'drawn'], 'drawn', { taskId, expected: drawn.length, found: recordedDrawn.length });
  return drawn;
}
