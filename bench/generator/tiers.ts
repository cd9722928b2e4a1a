/** Sizes of the benchmark tiers. See docs/scenario-generator.md for where the figures come from. */

export type Tier = 'demo' | 'S' | 'M' | 'L' | 'XL';

export interface TierSize {
  /** Enterprises in the object library. */
  enterprises: number;
  /** Occurrences after expanding recurrences (§1.6) that the generator aims at (it stops at the first request reaching it). */
  targetOccurrences: number;
  /** Administrative areas the enterprises are spread over. */
  areas: number;
  /** Whether two departments (AGRI, NATRES) get a territorial jurisdiction (`departments[].areas`). */
  departmentAreas: boolean;
  /** Whether `policy.travelMinutesPerKm` is set (2 min/km). */
  travel: boolean;
  /** Number of quiet periods in the calendar. */
  quietPeriods: 1 | 2;
  /** History entries per enterprise. */
  historyPerEnterprise: number;
}

export const TIERS: readonly Tier[] = ['demo', 'S', 'M', 'L', 'XL'];

export const tierSizes: Record<Tier, TierSize> = {
  /** One urban district (红旗区) for a year, split into four sub-district areas. */
  demo: { enterprises: 2_000, targetOccurrences: 7_000, areas: 4, departmentAreas: false, travel: true, quietPeriods: 1, historyPerEnterprise: 0.5 },
  S: { enterprises: 150, targetOccurrences: 500, areas: 3, departmentAreas: false, travel: true, quietPeriods: 1, historyPerEnterprise: 0.5 },
  M: { enterprises: 5_000, targetOccurrences: 15_000, areas: 12, departmentAreas: true, travel: false, quietPeriods: 2, historyPerEnterprise: 0.5 },
  L: { enterprises: 50_000, targetOccurrences: 150_000, areas: 12, departmentAreas: true, travel: false, quietPeriods: 2, historyPerEnterprise: 0.5 },
  XL: { enterprises: 160_000, targetOccurrences: 500_000, areas: 12, departmentAreas: true, travel: false, quietPeriods: 2, historyPerEnterprise: 0.5 },
};
