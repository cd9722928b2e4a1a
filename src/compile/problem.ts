/**
 * The compiled problem: the scenario turned once into index-based, day-indexed data so the
 * planner's hot loops touch numbers, not objects, dates or strings. Days are indices
 * 0…H−1 into the horizon.
 */
import type { CompiledQuietPeriod } from '../calendar/availability.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import type { Basis, RiskGrade } from '../model/primitives.js';
import type { Cap, Enterprise, Inspector, Scenario } from '../model/scenario.js';
import type { Occurrence } from '../occurrences/expand.js';
import type { UnscheduledReason } from '../report/reasons.js';

export interface CDepartment {
  index: number;
  id: string;
  areas: ReadonlySet<string> | undefined;
  officers: number[];
}

export interface CEnterprise {
  index: number;
  id: string;
  source: Enterprise;
  /** Longest allowed visit: min(maxVisitMinutes, dayEnd − dayStart). */
  maxMinutes: number;
  /** Department index of the industry regulator, or −1. */
  lead: number;
  /** Occurrences needing a visit here (on-site, not statically excluded), ascending index. */
  occurrences: number[];
}

export interface COfficer {
  index: number;
  id: string;
  source: Inspector;
  department: number;
  /** 1 on horizon days with a valid certificate and no unavailability. */
  available: Uint8Array;
  /** 1 on horizon days inside the certificate. */
  certified: Uint8Array;
  areas: ReadonlySet<string> | undefined;
  avoid: ReadonlySet<string>;
  qualifications: ReadonlySet<string>;
  maxVisits: number;
  maxMinutes: number;
}

export interface COccurrence {
  index: number;
  id: string;
  source: Occurrence;
  enterprise: number;
  department: number;
  basis: Basis;
  priority: number;
  exclusive: boolean;
  /** Officers its department must send when it is in a visit. */
  need: number;
  /** Its department's part: the sum of its items' durations. */
  minutes: number;
  qualifications: readonly string[];
  /** Horizon day indices on which it could be placed on its own, ascending. */
  feasible: Int32Array;
  preferred: ReadonlySet<number>;
  /** Indices of caps it counts for. */
  caps: number[];
}

export type PeriodKind = 'year' | 'half-year' | 'quarter' | 'month' | 'rolling';

export interface CCap {
  index: number;
  id: string;
  source: Cap;
  perEnterprise: boolean;
  /** Department indices whose inspections count; undefined = all. */
  departments: ReadonlySet<number> | undefined;
  bases: ReadonlySet<Basis>;
  period: PeriodKind;
  rollingDays: number;
  limitByGrade: (grade: RiskGrade | undefined) => number | undefined;
  minGapDays: number;
}

export interface CompiledProblem {
  scenario: Scenario;
  calendar: WorkingCalendar;
  quietPeriods: CompiledQuietPeriod[];
  /** Day number of horizon day 0. */
  day0: number;
  days: number;
  dayStart: number;
  dayEnd: number;
  departments: CDepartment[];
  enterprises: CEnterprise[];
  officers: COfficer[];
  /** Occurrences that need a visit and are not statically excluded; `index` is the position here. */
  occurrences: COccurrence[];
  /** Every occurrence of the scenario, in occurrence-id order. */
  all: Occurrence[];
  offsite: Occurrence[];
  /** Occurrences excluded before planning, with their reason. */
  excluded: { occurrence: Occurrence; reason: UnscheduledReason }[];
  caps: CCap[];
  /** History events per cap tally key (see `tallyKey`): absolute day numbers, ascending. */
  history: Map<number, { day: number; date: string }[]>;
  makeup: Uint8Array;
  /** department × days + day → officers of that department present that day (ascending index). */
  presentByDeptDay: Int32Array[];
  /** Travel minutes between two enterprises (0 when not configured). */
  travel: (a: number, b: number) => number;
  minInspectors: number;
  maxDepartments: number;
}

/**
 * Key of one cap tally: per enterprise (department −1), or per enterprise and department. A
 * number, since it is computed for every candidate visit.
 */
export function tallyKey(cap: number, enterprise: number, department: number, enterprises: number, departments: number): number {
  return (cap * enterprises + enterprise) * (departments + 1) + department + 1;
}

/** The enterprise of a tally key (see `tallyKey`). */
export function enterpriseOfTally(key: number, enterprises: number, departments: number): number {
  return Math.floor(key / (departments + 1)) % enterprises;
}
