/**
 * The department, tag and item tables of departments.ts in index form (numbers and bit masks),
 * and the per-enterprise facts the generator keeps beside the JSON it writes.
 */
import { COMMON_WEIGHTS, DEPARTMENT_IDS, ITEMS, TAGS, TAG_WEIGHTS } from './departments.js';

export const D = DEPARTMENT_IDS.length;
export const DEPT_INDEX = new Map<string, number>(DEPARTMENT_IDS.map((id, i) => [id, i]));
export const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));
export const RISKY_TAGS = tagMask(['hazardous-chemicals', 'mining', 'construction']);

export interface ItemInfo {
  id: string;
  duration: number;
  offsite: boolean;
  /** Index into QUAL_KEYS of the department, or -1. */
  qual: number;
  hazmat: boolean;
  tagMask: number;
}

export function tagMask(tags: readonly string[]): number {
  let m = 0;
  for (const t of tags) m |= 1 << (TAG_INDEX.get(t) ?? 0);
  return m;
}

/** Qualifications used by each department's items, in first-use order. */
export const DEPT_QUALS: string[][] = DEPARTMENT_IDS.map((id) => {
  const quals: string[] = [];
  for (const item of ITEMS[id]) for (const q of item.qualifications ?? []) if (!quals.includes(q)) quals.push(q);
  return quals;
});

export const DEPT_ITEMS: ItemInfo[][] = DEPARTMENT_IDS.map((id, d) =>
  ITEMS[id].map((item) => ({
    id: `${id}-${item.suffix}`,
    duration: item.duration,
    offsite: item.offsite === true,
    qual: item.qualifications?.[0] !== undefined ? DEPT_QUALS[d]!.indexOf(item.qualifications[0]) : -1,
    hazmat: item.qualifications?.includes('hazmat') === true,
    tagMask: item.forTags ? tagMask(item.forTags) : 0,
  })),
);

export const TAG_DEPT_WEIGHTS: Float64Array[] = TAGS.map((tag) => {
  const w = new Float64Array(D);
  for (const [id, v] of Object.entries(TAG_WEIGHTS[tag])) w[DEPT_INDEX.get(id)!] = v ?? 0;
  return w;
});
export const COMMON_DEPT_WEIGHTS = (() => {
  const w = new Float64Array(D);
  for (const [id, v] of Object.entries(COMMON_WEIGHTS)) w[DEPT_INDEX.get(id)!] = v ?? 0;
  return w;
})();

/** Per-enterprise facts the generator needs after the JSON object is written. */
export interface EntMeta {
  area: number;
  tags: number;
  grade: number;
  whitelisted: boolean;
  weight: number;
  /** Unavailable day-of-year ranges, flat [from, to, from, to…]; empty when none. */
  unavailable: number[];
  /** ISO weekday of `unavailableRule` (weekly), 0 when none. */
  unavailableWeekday: number;
  maxVisit: number;
}
