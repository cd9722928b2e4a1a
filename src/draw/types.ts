/** The types of `draw` and `verifyDraw`: tasks in, drawn enterprises, requests and the audit record out. */
import type { z } from 'zod';
import type { InputIssue } from '../model/issues.js';
import type { Basis, DateRange, RiskGrade } from '../model/primitives.js';
import type { Locale } from '../report/format.js';
import type { drawTaskSchema } from './tasks.js';
import type { Rounding, Stratum } from './sample.js';

export type { Rounding, Stratum };

/**
 * One random draw (双随机) as a host sends it: who initiates it, with which items, from which
 * population, at which ratio; with `participants` it is a joint draw (部门联合双随机抽查).
 * See docs/draw.md.
 * @example
 * const task: DrawTask = {
 *   id: 'SAMR-2026-food', departmentId: 'SAMR', itemIds: ['SAMR-01'],
 *   participants: [{ departmentId: 'FIRE', itemIds: ['FIRE-01'] }], // one sample, a request for each department
 *   window: { from: '2026-04-01', to: '2026-06-30' },
 *   population: { tags: ['catering'] },
 *   ratioByRiskGrade: { D: 0.3, C: 0.1, B: 0.02, A: 0.01 },
 *   coordinateWith: ['HEALTH-2026'], avoid: ['SAMR-2025-food'],
 * };
 */
export type DrawTask = z.input<typeof drawTaskSchema>;

/**
 * A cooperating department of a joint draw, with its items.
 * @example
 * const fire: DrawParticipant = { departmentId: 'FIRE', itemIds: ['FIRE-01'] };
 */
export interface DrawParticipant {
  departmentId: string;
  itemIds: string[];
}

/**
 * Filters of a draw's population; each one given narrows it (`area`, `riskGrade`, `tags`: the
 * enterprise's value is in the list — for tags, one of its tags is; `whitelisted`: equal).
 * @example
 * const population: DrawPopulation = { area: ['410702'], riskGrade: ['C', 'D'], tags: ['catering', 'hotel'], whitelisted: false };
 */
export interface DrawPopulation {
  area?: string[];
  riskGrade?: RiskGrade[];
  tags?: string[];
  whitelisted?: boolean;
}

/**
 * Options of `draw`.
 * @example
 * const options: DrawOptions = { seed: 2026, previous: [lastYearAudit], locale: 'en' };
 * const { drawn } = draw(scenario, tasks, options);
 */
export interface DrawOptions {
  /** Seed of the permanent random numbers; default `scenario.policy.seed`. */
  seed?: number;
  /** Earlier audit records (last year's, say) whose task ids `avoid` may name. */
  previous?: readonly EnterpriseDrawAudit[];
  /** Language of messages; default `zh-CN`. */
  locale?: Locale;
  /** Accept fields of the tasks that look like misspellings (they become warnings). Default `false`. */
  allowUnknownFields?: boolean;
}

/**
 * The defaults of `DrawOptions`.
 * @example
 * defaultDrawOptions.locale; // 'zh-CN'
 */
export const defaultDrawOptions = {
  locale: 'zh-CN' as Locale,
  allowUnknownFields: false,
} as const;

/**
 * One request `draw` makes, ready to append to the scenario's `requests` (contract §1.6).
 * @example
 * const request: DrawnRequest = { id: 'SAMR-2026-food/E12', departmentId: 'SAMR', enterpriseId: 'E12', itemIds: ['SAMR-01'], window: { from: '2026-04-01', to: '2026-06-30' }, basis: 'random' };
 */
export interface DrawnRequest {
  id: string;
  departmentId: string;
  enterpriseId: string;
  itemIds: string[];
  window: DateRange;
  basis: Basis;
  priority?: number;
}

/**
 * What `draw` returns: each task's enterprises, the requests to append, and the audit record.
 * @example
 * const { drawn, requests, audit }: DrawResult = draw(scenario, tasks, { seed: 2026 });
 * drawn['SAMR-2026-food']; // ['E12', 'E40', …]
 * const next = { ...scenarioJson, requests: [...scenarioJson.requests, ...requests] };
 */
export interface DrawResult {
  /** Task id → the ids of its drawn enterprises, sorted. */
  drawn: Record<string, string[]>;
  requests: DrawnRequest[];
  audit: EnterpriseDrawAudit;
  /** Fields of the tasks that contract and draw do not define (ignored). */
  warnings: InputIssue[];
}

/**
 * Why a unit of a draw's frame was drawn or not (the audit's `rule`):
 * `drawn` (among the first n of its stratum), `not-drawn` (beyond them), `avoided` (named by
 * `avoid`, not needed), `drawn-despite-avoid` (avoided, but the stratum had too few others),
 * `whitelisted` (excluded: on the whitelist and no item of the task in an exempt field,
 * contract §1.6), `outside-jurisdiction` (excluded: outside the initiating department's areas).
 * @example
 * const excluded = (r: DrawRule) => r === 'whitelisted' || r === 'outside-jurisdiction';
 */
export type DrawRule = 'drawn' | 'not-drawn' | 'avoided' | 'drawn-despite-avoid' | 'whitelisted' | 'outside-jurisdiction';

/**
 * One stratum of a task's draw in the audit record.
 * @example
 * const s: DrawAuditStratum = { stratum: 'D', size: 40, idsSha256: '9f2c…', ratio: 0.3, expected: 12, roundingDraw: 0.41, sampleSize: 12 };
 */
export interface DrawAuditStratum {
  stratum: Stratum;
  /** Units that may be drawn (excluded ones not counted, avoided ones counted). */
  size: number;
  /** SHA-256 of those units' ids, sorted (UTF-16 order) and joined by "\n". */
  idsSha256: string;
  ratio: number | null;
  /** ratio × size. */
  expected: number;
  /** The uniform number that rounded `expected` (used by `unbiased` rounding). */
  roundingDraw: number;
  sampleSize: number;
}

/**
 * One enterprise of a task's frame in the audit record: its permanent random number and the rule that decided it.
 * @example
 * const u: DrawAuditUnit = { enterpriseId: 'E12', name: '某某餐馆', stratum: 'D', prn: 0.0132, rule: 'drawn' };
 */
export interface DrawAuditUnit {
  enterpriseId: string;
  name: string;
  stratum: Stratum;
  prn: number;
  rule: DrawRule;
}

/**
 * One task in the audit record: everything needed to re-derive its sample.
 * @example
 * const t: DrawAuditTask = audit.tasks[0]!;
 * t.units.filter((u) => u.rule === 'drawn').length === t.drawn.length; // true
 */
export interface DrawAuditTask {
  taskId: string;
  departmentId: string;
  departmentName: string;
  participantIds: string[];
  basis: Basis;
  /** The stream of its random numbers: `task:<id>`, or `group:<smallest id>` for coordinated tasks. */
  stream: string;
  /** The other tasks of its coordination group (sorted). */
  coordinatedWith: string[];
  population: DrawPopulation;
  rounding: Rounding;
  ratio?: number;
  ratioByRiskGrade?: Partial<Record<RiskGrade, number>>;
  minCount?: number;
  maxCount?: number;
  /** What it avoided: `task:<id>` of this batch, `previous:<id>` of an earlier record, `list` for ids given. */
  avoidSources: string[];
  /** The avoided enterprises of its frame, sorted. */
  avoided: string[];
  strata: DrawAuditStratum[];
  units: DrawAuditUnit[];
  drawn: string[];
}

/**
 * The audit record of one `draw` call (`kind: 'enterprise-draw'`): the seed, the method, and per
 * task its strata and every unit's random number and rule. `verifyDraw(audit)` re-derives it
 * all from the record alone, so it can be published with the plan (一公开).
 * @example
 * const { audit } = draw(scenario, tasks, { seed: 2026 });
 * writeFileSync('draw-audit.json', JSON.stringify(audit));
 * verifyDraw(audit).valid; // true
 */
export interface EnterpriseDrawAudit {
  kind: 'enterprise-draw';
  method: string;
  seed: number;
  tasks: DrawAuditTask[];
}
