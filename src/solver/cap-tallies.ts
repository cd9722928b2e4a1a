/**
 * The cap tallies of a plan being made (contract §1.7): each enterprise's history events and the
 * events of its placed visits, and the checks on them that the planner asks thousands of times —
 * whether a tally admits one more visit on a day, whether caps refuse a placement on every day
 * it could take (`capsRefuseAll`, also as if some visits were taken out), which cap refuses a day.
 * `PlanState` adds and drops a visit's events as it commits and removes visits; every change
 * bumps the enterprise's version, which keeps the table of tally days honest.
 */
import { calendarPeriod, inSpans, refusedSpans, tallyAdmits } from '../compile/caps.js';
import { enterpriseOfTally, tallyKey, type CCap, type CEnterprise, type COccurrence, type CompiledProblem } from '../compile/problem.js';
import { formatDay } from '../calendar/civil.js';
import type { Failure } from './state.js';

/** Entries of `CapTallies`' table of tally days (a power of two). */
const TALLY_CACHE = 256;

export class CapTallies {
  readonly P: CompiledProblem;
  /** enterprise → plan events of its tallies as a flat list: tally key, horizon day, visit key (three numbers each) */
  private readonly capEvents: (number[] | undefined)[];
  /** enterprise → history events of its tallies as a flat list of groups, one per tally: tally key, count, then that many absolute days (in `P.history`'s order). */
  private readonly historyEvents: (number[] | undefined)[];
  readonly scratchDays: number[] = [];
  /** enterprise → a count bumped by every commit or removal there (its cap events change only then). */
  private readonly entVersion: Int32Array;
  /**
   * The days of recently asked tallies (`capAdmits`): a small table by tally key, each entry
   * valid while its enterprise's version is unchanged — an occurrence tried on many days reads
   * its tallies once, and a tally that is full stays known to be full until something changes.
   */
  private readonly tallyCacheKey = new Float64Array(TALLY_CACHE).fill(-1);
  private readonly tallyCacheVersion = new Int32Array(TALLY_CACHE);
  private readonly tallyCacheDays: number[][] = Array.from({ length: TALLY_CACHE }, () => []);
  /** Per tally of `capsRefuseAll`: the period last judged and its verdict. */
  private readonly periodScratch: number[] = [];
  private readonly periodScratch2: number[] = [];
  private readonly periodScratch3: number[] = [];
  /** Per tally of `capsRefuseAll` with visits left out: its days. */
  private readonly withoutScratch: number[][] = [];
  /** Per rolling tally of `capsRefuseAll`: the spans of days it refuses; and a scratch list to sort in. */
  private readonly spanScratch: number[][] = [];
  /** How many numbers of each `spanScratch` list are its spans (the rest is stale). */
  private readonly spanCount: number[] = [];
  private readonly sortScratch: number[] = [];

  constructor(P: CompiledProblem) {
    this.P = P;
    this.capEvents = new Array<number[] | undefined>(P.enterprises.length).fill(undefined);
    // Read for every cap of every candidate visit: a short list per enterprise beats a map lookup.
    this.historyEvents = new Array<number[] | undefined>(P.enterprises.length).fill(undefined);
    this.entVersion = new Int32Array(P.enterprises.length);
    for (const [key, list] of P.history) {
      const e = enterpriseOfTally(key, P.enterprises.length, P.departments.length);
      const flat = (this.historyEvents[e] ??= []);
      flat.push(key, list.length);
      for (const h of list) flat.push(h.day);
    }
  }

  /** Records the events of a visit (`visitKey`) of `occurrences` at `enterprise` on horizon `day`. */
  add(enterprise: number, occurrences: readonly number[], day: number, visitKey: number): void {
    (this.entVersion[enterprise] as number)++;
    const keys = this.capKeys(enterprise, occurrences);
    if (keys.length === 0) return;
    let events = this.capEvents[enterprise];
    if (!events) this.capEvents[enterprise] = events = [];
    for (const c of keys) events.push(c.key, day, visitKey);
  }

  /** Forgets the events of visit `visitKey` at `enterprise` (what `add` recorded). */
  drop(enterprise: number, visitKey: number): void {
    (this.entVersion[enterprise] as number)++;
    const events = this.capEvents[enterprise];
    if (!events) return;
    let w = 0;
    for (let i = 0; i < events.length; i += 3) {
      if (events[i + 2] === visitKey) continue;
      events[w++] = events[i] as number;
      events[w++] = events[i + 1] as number;
      events[w++] = events[i + 2] as number;
    }
    events.length = w;
    if (w === 0) this.capEvents[enterprise] = undefined;
  }

  /**
   * Plan events of a tally plus history, as absolute day numbers, into the scratch
   * `scratchDays[0…n)`: returns n (use them at once). The scratch keeps its length — setting an
   * array's length to 0 drops its storage, and this runs for every cap of every candidate visit.
   */
  tallyDays(key: number, enterprise = enterpriseOfTally(key, this.P.enterprises.length, this.P.departments.length), without = -1, alsoWithout = -1): number {
    const days = this.scratchDays;
    let n = 0;
    const history = this.historyEvents[enterprise];
    if (history) {
      // Groups of one tally each: key, count, then its days (a long history skips group by group).
      for (let i = 0; i < history.length; i += 2 + (history[i + 1] as number)) {
        if (history[i] !== key) continue;
        const end = i + 2 + (history[i + 1] as number);
        for (let j = i + 2; j < end; j++) days[n++] = history[j] as number;
      }
    }
    const events = this.capEvents[enterprise];
    if (events) for (let i = 0; i < events.length; i += 3) if (events[i] === key && events[i + 2] !== without && events[i + 2] !== alsoWithout) days[n++] = this.P.day0 + (events[i + 1] as number);
    return n;
  }

  /**
   * Whether on each of `days` (horizon days) some cap tally of `occurrences` refuses one more
   * visit, given the visits placed (a calendar period is judged once for all its days; the
   * first day a cap admits ends the search). With `without` / `alsoWithout` (visit keys), as
   * if those visits of the enterprise were not placed: what `remove` then `placeBest` would find.
   */
  capsRefuseAll(occurrences: readonly number[], days: ArrayLike<number>, without = -1, alsoWithout = -1): boolean {
    const P = this.P;
    const enterprise = (P.occurrences[occurrences[0] as number] as COccurrence).enterprise;
    // (The tallies as two scratch lists, caps and keys: this runs for nearly every candidate where caps bind.)
    const count = this.capKeysInto(enterprise, occurrences);
    if (count === 0) return false;
    const keyCap = this.keyCapScratch;
    const keyKey = this.keyKeyScratch;
    const grade = (P.enterprises[enterprise] as CEnterprise).source.riskGrade;
    // Per tally: the calendar period last judged (absolute days) and whether it refused.
    const from = this.periodScratch;
    const to = this.periodScratch2;
    const refusedThere = this.periodScratch3;
    for (let j = 0; j < count; j++) {
      to[j] = -Infinity;
      const key = keyKey[j] as number;
      // Without some visits: each tally's days read once here (the table holds the state as it is).
      if (without >= 0) {
        const n = this.tallyDays(key, enterprise, without, alsoWithout);
        const list = (this.withoutScratch[j] ??= []);
        for (let i = 0; i < n; i++) list[i] = this.scratchDays[i] as number;
        this.withoutCount[j] = n;
      }
      // A rolling cap: the days it refuses, as spans worked out once (not a count per day).
      const cap = P.caps[keyCap[j] as number] as CCap;
      if (cap.period === 'rolling') {
        const events = without >= 0 ? (this.withoutScratch[j] as number[]) : this.cachedTallyDays(key, enterprise);
        const count = without >= 0 ? (this.withoutCount[j] as number) : this.cachedCount;
        const n = refusedSpans(cap, cap.limitByGrade(grade), events, count, this.sortScratch, (this.spanScratch[j] ??= []));
        if (n < 0) return true;
        this.spanCount[j] = n;
      }
    }
    for (let at = 0; at < days.length; at++) {
      const day = P.day0 + (days[at] as number);
      let refused = false;
      for (let j = 0; j < count && !refused; j++) {
        const cap = P.caps[keyCap[j] as number] as CCap;
        const byPeriod = cap.period !== 'rolling' && cap.minGapDays === 0;
        if (byPeriod && day >= (from[j] as number) && day <= (to[j] as number)) {
          refused = refusedThere[j] === 1;
          continue;
        }
        if (cap.period === 'rolling') {
          refused = inSpans(this.spanScratch[j] as number[], day, this.spanCount[j] as number);
          continue;
        }
        if (without < 0) refused = !this.capAdmits(cap, cap.limitByGrade(grade), keyKey[j] as number, enterprise, day);
        else {
          refused = !tallyAdmits(cap, cap.limitByGrade(grade), this.withoutScratch[j] as number[], day, this.withoutCount[j] as number);
        }
        if (byPeriod) {
          const [a, b] = calendarPeriod(cap.period as Exclude<CCap['period'], 'rolling'>, day);
          from[j] = a;
          to[j] = b;
          refusedThere[j] = refused ? 1 : 0;
        }
      }
      if (!refused) return false;
    }
    return true;
  }

  /**
   * The first cap (in the occurrence's order, as `evaluate` checks them) that refuses a visit of
   * `occurrence` alone on `day` (a horizon day), or undefined.
   */
  capRefusal(occurrence: number, day: number): Extract<Failure, { kind: 'cap' }> | undefined {
    const P = this.P;
    const o = P.occurrences[occurrence] as COccurrence;
    const grade = (P.enterprises[o.enterprise] as CEnterprise).source.riskGrade;
    for (const c of o.caps) {
      const cap = P.caps[c] as CCap;
      const department = cap.perEnterprise ? -1 : o.department;
      const key = tallyKey(c, o.enterprise, department, P.enterprises.length, P.departments.length);
      if (!this.capAdmits(cap, cap.limitByGrade(grade), key, o.enterprise, P.day0 + day)) return { kind: 'cap', cap: c, key, department };
    }
    return undefined;
  }

  /**
   * `capRefusal` on every day of `days` (horizon days) at once, into `out` (same positions): what
   * it gives for each day while the state stays as it is, worked out cap by cap — a rolling cap's
   * refused days as spans, a calendar-period cap without a gap once per period — with one failure
   * object per cap, shared by its days (a diagnosis looks at every day of a window).
   */
  capRefusals(occurrence: number, days: ArrayLike<number>, out: (Extract<Failure, { kind: 'cap' }> | undefined)[]): void {
    const P = this.P;
    const o = P.occurrences[occurrence] as COccurrence;
    const grade = (P.enterprises[o.enterprise] as CEnterprise).source.riskGrade;
    out.length = days.length;
    out.fill(undefined);
    for (const c of o.caps) {
      const cap = P.caps[c] as CCap;
      const department = cap.perEnterprise ? -1 : o.department;
      const key = tallyKey(c, o.enterprise, department, P.enterprises.length, P.departments.length);
      const limit = cap.limitByGrade(grade);
      let failure: Extract<Failure, { kind: 'cap' }> | undefined;
      // (A day refused by an earlier cap keeps that cap: `capRefusal` reports the first.)
      if (cap.period === 'rolling') {
        const events = this.cachedTallyDays(key, o.enterprise);
        const n = refusedSpans(cap, limit, events, this.cachedCount, this.sortScratch, this.refusalSpans);
        for (let k = 0; k < days.length; k++) {
          if (out[k] === undefined && (n < 0 || inSpans(this.refusalSpans, P.day0 + (days[k] as number), n))) out[k] = failure ??= { kind: 'cap', cap: c, key, department };
        }
      } else if (cap.minGapDays === 0) {
        // Counted per calendar period: the same verdict on every day of one.
        let from = 1;
        let to = 0;
        let refused = false;
        for (let k = 0; k < days.length; k++) {
          if (out[k] !== undefined) continue;
          const day = P.day0 + (days[k] as number);
          if (day < from || day > to) {
            [from, to] = calendarPeriod(cap.period, day);
            refused = !this.capAdmits(cap, limit, key, o.enterprise, day);
          }
          if (refused) out[k] = failure ??= { kind: 'cap', cap: c, key, department };
        }
      } else {
        for (let k = 0; k < days.length; k++) {
          if (out[k] === undefined && !this.capAdmits(cap, limit, key, o.enterprise, P.day0 + (days[k] as number))) out[k] = failure ??= { kind: 'cap', cap: c, key, department };
        }
      }
    }
  }
  /** Scratch of `capRefusals`. */
  private readonly refusalSpans: number[] = [];

  /** Whether tally `key` of `enterprise` admits one more event on absolute `day` (`tallyAdmits`, its days read through the cache). */
  capAdmits(cap: CCap, limit: number | undefined, key: number, enterprise: number, day: number): boolean {
    const days = this.cachedTallyDays(key, enterprise);
    return tallyAdmits(cap, limit, days, day, this.cachedCount);
  }

  /**
   * The days (absolute) of tally `key` of `enterprise`, from the table: the first `cachedCount`
   * of the list returned (valid until the next call; the lists are never shortened, so what lies
   * past the count is stale).
   */
  private cachedTallyDays(key: number, enterprise: number): number[] {
    const slot = (key ^ (key >>> 7) ^ (key >>> 15)) & (TALLY_CACHE - 1);
    const days = this.tallyCacheDays[slot] as number[];
    const version = this.entVersion[enterprise] as number;
    if (this.tallyCacheKey[slot] !== key || this.tallyCacheVersion[slot] !== version) {
      const n = this.tallyDays(key, enterprise);
      for (let i = 0; i < n; i++) days[i] = this.scratchDays[i] as number;
      this.tallyCacheKey[slot] = key;
      this.tallyCacheVersion[slot] = version;
      this.tallyCacheCount[slot] = n;
    }
    this.cachedCount = this.tallyCacheCount[slot] as number;
    return days;
  }
  /** How many days the list `cachedTallyDays` last returned holds. */
  private cachedCount = 0;
  private readonly tallyCacheCount = new Int32Array(TALLY_CACHE);
  /** How many days each `withoutScratch` list holds. */
  private readonly withoutCount: number[] = [];

  tallyEvents(key: number): { date: string; visit?: number }[] {
    const out: { date: string; visit?: number; day: number }[] = [];
    for (const h of this.P.history.get(key) ?? []) out.push({ date: h.date, day: h.day });
    const events = this.capEvents[enterpriseOfTally(key, this.P.enterprises.length, this.P.departments.length)] ?? [];
    for (let i = 0; i < events.length; i += 3) {
      if (events[i] !== key) continue;
      const day = this.P.day0 + (events[i + 1] as number);
      out.push({ date: formatDay(day), visit: events[i + 2] as number, day });
    }
    return out.sort((a, b) => a.day - b.day);
  }

  /**
   * `capKeys` without objects: the caps and keys of the tallies, in the same order, into
   * `keyCapScratch` and `keyKeyScratch`; returns how many (use them at once).
   */
  private capKeysInto(enterprise: number, occurrences: readonly number[]): number {
    const P = this.P;
    const caps = this.keyCapScratch;
    const keys = this.keyKeyScratch;
    let n = 0;
    for (let a = 0; a < occurrences.length; a++) {
      const o = P.occurrences[occurrences[a] as number] as COccurrence;
      for (let b = 0; b < o.caps.length; b++) {
        const c = o.caps[b] as number;
        const key = tallyKey(c, enterprise, P.caps[c]?.perEnterprise ? -1 : o.department, P.enterprises.length, P.departments.length);
        let seen = false;
        for (let j = 0; j < n && !seen; j++) seen = keys[j] === key;
        if (seen) continue;
        caps[n] = c;
        keys[n] = key;
        n++;
      }
    }
    return n;
  }
  private readonly keyCapScratch: number[] = [];
  private readonly keyKeyScratch: number[] = [];

  /** The cap tallies a visit of these occurrences counts for. */
  capKeys(enterprise: number, occurrences: readonly number[]): { cap: number; key: number; department: number }[] {
    const keys: { cap: number; key: number; department: number }[] = [];
    const P = this.P;
    for (const i of occurrences) {
      const o = P.occurrences[i] as COccurrence;
      for (const c of o.caps) {
        const department = P.caps[c]?.perEnterprise ? -1 : o.department;
        const key = tallyKey(c, enterprise, department, P.enterprises.length, P.departments.length);
        if (!keys.some((k) => k.key === key)) keys.push({ cap: c, key, department });
      }
    }
    return keys;
  }
}
