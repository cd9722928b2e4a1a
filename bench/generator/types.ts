/**
 * The scenario of contract v1 §1 as plain JSON types. Deliberately independent of
 * `src/model` (the engine's zod schema): the generator produces what a host application would
 * send, and must not drift just because the engine's internal types do.
 * Optional fields are optional here exactly where the contract gives them a default or makes
 * them optional.
 */

/** `YYYY-MM-DD`, a real civil date. */
export type DateString = string;
/** `HH:MM`, 00:00 to 24:00. */
export type TimeString = string;
/** Value part of an RFC 5545 RRULE, e.g. `FREQ=WEEKLY;BYDAY=MO`. */
export type RRuleString = string;

export type PlannedBasis = 'routine' | 'random' | 'special';
export type TriggeredBasis =
  | 'complaint'
  | 'referral'
  | 'data-clue'
  | 'enterprise-request'
  | 'licensing'
  | 'recheck'
  | 'emergency';
export type Basis = PlannedBasis | TriggeredBasis;

export type RiskGrade = 'A' | 'B' | 'C' | 'D';

export interface DateRangeJson {
  from: DateString;
  to: DateString;
}

/** §1.1 */
export interface QuietPeriodJson {
  id: string;
  rule: RRuleString;
  areas?: string[];
  exemptBases?: Basis[];
}

/** §1.1 */
export interface CalendarJson {
  preset?: 'cn-mainland';
  /** ISO weekdays 1 = Mon … 7 = Sun; default [1,2,3,4,5]. */
  workdays?: number[];
  holidays?: DateString[];
  extraWorkdays?: DateString[];
  /** Default "09:00". */
  dayStart?: TimeString;
  /** Default "17:00". */
  dayEnd?: TimeString;
  quietPeriods?: QuietPeriodJson[];
}

/** §1.2 */
export interface DepartmentJson {
  id: string;
  name: string;
  areas?: string[];
}

/** §1.3 */
export interface ItemJson {
  id: string;
  departmentId: string;
  name: string;
  /** Default 60. */
  durationMinutes?: number;
  qualifications?: string[];
  /** Default false. */
  offsite?: boolean;
  field?: string;
  legalBasis?: string;
}

export interface LocationJson {
  lat: number;
  lng: number;
}

/** §1.4 */
export interface EnterpriseJson {
  id: string;
  name: string;
  area?: string;
  location?: LocationJson;
  riskGrade?: RiskGrade;
  /** Default false. */
  whitelisted?: boolean;
  leadDepartmentId?: string;
  unavailable?: DateRangeJson[];
  unavailableRule?: RRuleString;
  maxVisitMinutes?: number;
  tags?: string[];
}

export interface CertificateJson {
  number?: string;
  validFrom: DateString;
  validTo: DateString;
}

/** §1.5 */
export interface InspectorJson {
  id: string;
  name: string;
  departmentId: string;
  certificate: CertificateJson;
  /** Default []. */
  qualifications?: string[];
  /** Absent = no limit. */
  areas?: string[];
  /** Default []. */
  unavailable?: DateRangeJson[];
  unavailableRule?: RRuleString;
  /** Default 3. */
  maxVisitsPerDay?: number;
  /** Default dayEnd − dayStart. */
  maxMinutesPerDay?: number;
  /** Default []. */
  avoid?: string[];
}

/** §1.6 */
export interface RequestJson {
  id: string;
  departmentId: string;
  enterpriseId: string;
  itemIds: string[];
  window: DateRangeJson;
  /** Default "routine". */
  basis?: Basis;
  /** Default 1. */
  priority?: number;
  /** Default policy.minInspectorsPerDepartment. */
  inspectors?: number;
  /** Default false. */
  exclusive?: boolean;
  /** Default false. */
  onsite?: boolean;
  recurrence?: RRuleString;
  /** Default []. */
  preferredDates?: DateString[];
  fixedDate?: DateString;
}

export type CapPeriodJson = 'year' | 'half-year' | 'quarter' | 'month' | { rollingDays: number };

/** §1.7 */
export interface CapJson {
  id: string;
  /** Absent = all departments. */
  departmentIds?: string[];
  per: 'enterprise' | 'enterprise-department';
  period: CapPeriodJson;
  max?: number;
  maxByRiskGrade?: Partial<Record<RiskGrade, number>>;
  minGapDays?: number;
  /** Default ["routine","random","special"]. */
  countsBases?: Basis[];
}

/** §1.8 */
export interface HistoryJson {
  enterpriseId: string;
  date: DateString;
  departmentIds: string[];
  /** Default "routine". */
  basis?: Basis;
}

/** §1.9 */
export interface PolicyJson {
  /** Default 2. */
  minInspectorsPerDepartment?: number;
  maxDepartmentsPerVisit?: number;
  /** Default "avoid". */
  makeupWorkdays?: 'allow' | 'avoid' | 'forbid';
  whitelistExemptFields?: string[];
  travelMinutesPerKm?: number;
  /** Default 0. */
  seed?: number;
  timeLimitMs?: number;
}

/** §1, the whole scenario. */
export interface ScenarioJson {
  version: 1;
  /** Default "Asia/Shanghai". */
  timezone?: string;
  horizon: DateRangeJson;
  calendar?: CalendarJson;
  departments: DepartmentJson[];
  items: ItemJson[];
  enterprises: EnterpriseJson[];
  inspectors: InspectorJson[];
  requests: RequestJson[];
  /** Default []. */
  caps?: CapJson[];
  /** Default []. */
  history?: HistoryJson[];
  /** Default {}. */
  policy?: PolicyJson;
}
