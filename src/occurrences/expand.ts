/**
 * Occurrences (contract §1.6): a request without `recurrence` is one occurrence with the
 * request's id and window; with one, the rule starts at `window.from`, each matching date
 * dk inside the window opens occurrence `<id>#k`, whose window runs to the day before dk+1
 * (the last one to `window.to`). Every window is then clipped to the horizon.
 */
import { toDay } from '../calendar/civil.js';
import { expandRule } from '../calendar/rrule.js';
import type { InspectionRequest, Scenario } from '../model/scenario.js';

/**
 * One occurrence: a request, or one repetition of a recurring request (`R7#2`).
 * @example
 * const byId = new Map(expandOccurrences(scenario).map((o: Occurrence) => [o.id, o]));
 */
export interface Occurrence {
  id: string;
  request: InspectionRequest;
  /** Position in `scenario.requests`. */
  requestIndex: number;
  /** 1-based index for recurring requests; 0 for a plain request. */
  k: number;
  /** The window before clipping, as day numbers. */
  rawFrom: number;
  rawTo: number;
  /** The window clipped to the horizon; `from > to` when nothing of it lies inside. */
  from: number;
  to: number;
}

/**
 * The occurrences of one request. `starts`, when given, memoises recurrence start days by rule
 * and window (many requests share both; the arrays are only read).
 */
export function expandRequest(request: InspectionRequest, requestIndex: number, horizonFrom: number, horizonTo: number, starts?: Map<string, number[]>): Occurrence[] {
  const wFrom = toDay(request.window.from);
  const wTo = toDay(request.window.to);
  const make = (id: string, k: number, rawFrom: number, rawTo: number): Occurrence => ({
    id,
    request,
    requestIndex,
    k,
    rawFrom,
    rawTo,
    from: Math.max(rawFrom, horizonFrom),
    to: Math.min(rawTo, horizonTo),
  });
  if (request.recurrence === undefined) return [make(request.id, 0, wFrom, wTo)];
  const key = `${wFrom}\u0000${wTo}\u0000${request.recurrence}`;
  let days = starts?.get(key);
  if (days === undefined) {
    days = expandRule(request.recurrence, wFrom, wFrom, wTo);
    starts?.set(key, days);
  }
  const list = days;
  return list.map((d, i) => make(`${request.id}#${i + 1}`, i + 1, d, i + 1 < list.length ? (list[i + 1] as number) - 1 : wTo));
}

/**
 * Every occurrence of the scenario, in request order.
 * @example
 * expandOccurrences(scenario).map((o) => o.id); // ['R1', 'R7#1', 'R7#2', …]
 */
export function expandOccurrences(scenario: Scenario): Occurrence[] {
  const hFrom = toDay(scenario.horizon.from);
  const hTo = toDay(scenario.horizon.to);
  const out: Occurrence[] = [];
  const starts = new Map<string, number[]>();
  scenario.requests.forEach((r, i) => {
    for (const o of expandRequest(r, i, hFrom, hTo, starts)) out.push(o);
  });
  return out;
}

/** Whether an occurrence needs no visit: all its items off-site and the request not `onsite`. */
export function isOffsiteOccurrence(request: InspectionRequest, itemOffsite: (itemId: string) => boolean): boolean {
  return !request.onsite && request.itemIds.every(itemOffsite);
}
