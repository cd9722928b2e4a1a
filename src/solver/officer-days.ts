/**
 * What each officer has booked on each day, kept for the questions staffing asks of it hundreds
 * of thousands of times: has he room for one more visit, is he free at a given time (with
 * travel), does he serve this enterprise, and at most how many of a department could take a
 * visit. Dense, day-major typed arrays (one day's officers lie together, as staffing reads
 * them); see docs/planner.md, "The hot state is flat".
 */
import type { CEnterprise, COfficer, CompiledProblem } from '../compile/problem.js';

/**
 * An officer's visits on one day, by start, are `SLOT` numbers each — start, end, enterprise,
 * visit key — in a block of the shared pool (see `OfficerDays.pool`).
 */
const SLOT = 4;
/** Most visits a first block of an officer-day holds (fewer when no officer may do as many in a day). */
const FIRST_BLOCK = 4;
/** Width of a bucket of the room table (minutes). */
const ROOM_MINUTES = 30;
/** `roomBucket` values: present but with no visit left in him; not present that day. */
const NO_ROOM = -1;
const ABSENT = -2;
/** Most areas kept as bits of a mask in `presentAreas` (beyond it, `admits` is asked). */
const MASK_AREAS = 31;
/** Largest room table kept per area (cells); beyond it, one row for all areas. */
const ROOM_CELLS = 1 << 24;

export class OfficerDays {
  private readonly P: CompiledProblem;
  /**
   * Every booked officer-day's visits, by start, in a block of this pool: the block's capacity
   * (in visits), then that many slots. Only officer-days with a visit have a block (most have
   * none), so the pool holds a few per cent of officers × days; a block that fills is moved to
   * one twice its size, an emptied one goes to a free list of its size. One typed array instead
   * of a list per officer-day: nothing for the collector, and staffing reads it directly.
   */
  private pool: Int32Array;
  private poolEnd = 0;
  /** day × officers + officer → where its block starts in `pool` (−1: no visit that day). */
  private readonly blockAt: Int32Array;
  /** Capacity → blocks of that capacity free for reuse. */
  private readonly freeBlocks: number[][] = [];
  private readonly firstBlock: number;
  /** day × officers + officer → visits and minutes booked (`hasRoom` reads these for every candidate). */
  private readonly officerDayVisits: Int32Array;
  private readonly officerDayMinutes: Int32Array;
  /** Officer admission as flat tables: enterprise → area index (−1: none), officer × areas → allowed, officer → recuses from someone. */
  private readonly areaOf: Int32Array;
  private readonly areaCount: number;
  private readonly officerArea: Uint8Array;
  private readonly officerAvoids: Uint8Array;
  /**
   * (department × days + day) × rows + row, × buckets + bucket → present officers of the
   * department that day with a visit left in them and free minutes — at most their longest free
   * stretch — of at least that bucket (30-minute buckets), per area they serve (row = area
   * index; the last row counts every officer, for enterprises without an area). How many could
   * take a visit of a given length at an enterprise is at most the count in its row at that
   * length's bucket — one read, so a full day fails without a scan.
   */
  private readonly room: Int32Array;
  private readonly roomBuckets: number;
  /** Rows of `room`: areas + 1, or 1 when there are too many areas to keep a row each. */
  private readonly roomRows: number;
  /** day × officers + officer → the bucket the officer is counted in, NO_ROOM, or ABSENT (not present that day). */
  private readonly roomBucket: Int16Array;
  /** officer → indices of the areas he serves (the rows of `room` he counts in). */
  private readonly areasServed: Int32Array[];
  /**
   * The department's present officers each day (`P.presentByDeptDay`), laid end to end: list
   * `department × days + day` starts at `presentBase` of it, and position j of that list holds
   * the officer's minutes left for one more visit (−1 when he has no visit left: `hasRoom` is
   * `presentLeft >= length`) and the areas he serves as a bit mask (`areaBit` of an enterprise
   * tests it). Staffing scans these lists in order for every candidate visit; one contiguous
   * read per officer beats a lookup in four tables.
   */
  readonly presentBase: Int32Array;
  readonly presentLeft: Int32Array;
  readonly presentAreas: Int32Array;
  /** day × officers + officer → position of the officer in `presentLeft` (−1: not present). */
  private readonly presentAt: Int32Array;
  /** enterprise → the bit its area has in `presentAreas`, 0 when it has no area; −1 when there are too many areas for a mask (ask `admits`). */
  private readonly areaBits: Int32Array;
  /** officer → whether he recuses himself from some enterprise (then `admits` must be asked). */
  readonly avoids: Uint8Array;
  /** What `gatherSlots` copied: visits (start, end, enterprise), each officer's range in it, and the end moments. */
  gathered = new Int32Array(64);
  private gatheredEnds = new Int32Array(32);
  /** Views of the first n of `gatheredEnds`, kept (one per length, not one per call). */
  private readonly endViewList: Int32Array[] = [];
  readonly gatheredFrom: Int32Array;
  readonly gatheredTo: Int32Array;

  constructor(P: CompiledProblem) {
    this.P = P;
    const O = P.officers.length;
    this.officerDayVisits = new Int32Array(O * P.days);
    this.officerDayMinutes = new Int32Array(O * P.days);
    let busiest = 1;
    for (const o of P.officers) busiest = Math.max(busiest, o.maxVisits);
    this.firstBlock = Math.max(1, Math.min(busiest, FIRST_BLOCK));
    this.blockAt = new Int32Array(O * P.days).fill(-1);
    this.pool = new Int32Array(1 << 16);
    this.gatheredFrom = new Int32Array(O);
    this.gatheredTo = new Int32Array(O);
    const areas = new Map<string, number>();
    for (const e of P.enterprises) if (e.source.area !== undefined && !areas.has(e.source.area)) areas.set(e.source.area, areas.size);
    this.areaCount = areas.size;
    this.areaOf = Int32Array.from(P.enterprises, (e) => (e.source.area === undefined ? -1 : (areas.get(e.source.area) as number)));
    this.officerArea = new Uint8Array(O * areas.size);
    for (const o of P.officers) for (const [area, a] of areas) this.officerArea[o.index * areas.size + a] = !o.areas || o.areas.has(area) ? 1 : 0;
    this.officerAvoids = Uint8Array.from(P.officers, (o) => (o.avoid.size > 0 ? 1 : 0));
    this.avoids = this.officerAvoids;
    const masks = areas.size <= MASK_AREAS;
    this.areaBits = Int32Array.from(this.areaOf, (a) => (!masks ? -1 : a < 0 ? 0 : 1 << a));
    this.presentBase = new Int32Array(P.departments.length * P.days + 1);
    for (let i = 0; i < P.departments.length * P.days; i++) this.presentBase[i + 1] = (this.presentBase[i] as number) + (P.presentByDeptDay[i] as Int32Array).length;
    const total = this.presentBase[P.departments.length * P.days] as number;
    this.presentLeft = new Int32Array(total);
    this.presentAreas = new Int32Array(total);
    this.presentAt = new Int32Array(O * P.days).fill(-1);
    // Each officer's areas as a mask, once (not once per day he is present).
    const officerMask = new Int32Array(O);
    if (masks) for (let o = 0; o < O; o++) for (let a = 0; a < areas.size; a++) if (this.officerArea[o * areas.size + a] === 1) officerMask[o] = (officerMask[o] as number) | (1 << a);
    for (let i = 0; i < P.departments.length * P.days; i++) {
      const day = i % P.days;
      const list = P.presentByDeptDay[i] as Int32Array;
      for (let j = 0; j < list.length; j++) {
        const o = list[j] as number;
        const at = (this.presentBase[i] as number) + j;
        this.presentAt[day * O + o] = at;
        this.presentLeft[at] = (P.officers[o] as COfficer).maxMinutes;
        this.presentAreas[at] = officerMask[o] as number;
      }
    }
    let most = 0;
    for (const o of P.officers) most = Math.max(most, o.maxMinutes);
    // A visit is never longer than the working day: free minutes beyond it count in the top bucket.
    this.roomBuckets = Math.floor(Math.min(most, P.dayEnd - P.dayStart) / ROOM_MINUTES) + 1;
    const cells = P.departments.length * P.days * this.roomBuckets;
    this.roomRows = cells * (areas.size + 1) <= ROOM_CELLS ? areas.size + 1 : 1;
    this.areasServed = P.officers.map((o) => {
      const served: number[] = [];
      if (this.roomRows > 1) for (let a = 0; a < areas.size; a++) if (this.officerArea[o.index * areas.size + a] === 1) served.push(a);
      return Int32Array.from(served);
    });
    this.room = new Int32Array(cells * this.roomRows);
    this.roomBucket = new Int16Array(O * P.days).fill(ABSENT);
    // Every present officer-day counted in its bucket at once (as `updateRoom` would, one
    // increment per bucket up to it, area by area: with many officers and areas that was most
    // of building the state), then "exactly this bucket" turned into "at least" per row.
    const B = this.roomBuckets;
    const rows = this.roomRows;
    for (const o of P.officers) {
      const served = this.areasServed[o.index] as Int32Array;
      for (let d = 0; d < P.days; d++) {
        if (o.available[d] !== 1) continue;
        const k = d * O + o.index;
        const now = this.roomNow(o.index, k);
        this.roomBucket[k] = now;
        if (now === NO_ROOM) continue;
        const base = (o.department * P.days + d) * rows;
        (this.room[(base + rows - 1) * B + now] as number)++;
        for (const a of served) (this.room[(base + a) * B + now] as number)++;
      }
    }
    for (let row = 0; row < this.room.length; row += B) for (let b = B - 2; b >= 0; b--) (this.room[row + b] as number) += this.room[row + b + 1] as number;
  }

  /** Books a visit (`key`, at `enterprise`, `start`…`end`) for an officer that day. */
  book(officer: number, day: number, start: number, end: number, enterprise: number, key: number): void {
    const k = day * this.P.officers.length + officer;
    const n = this.officerDayVisits[k] as number;
    let b = this.blockAt[k] as number;
    if (b < 0) b = this.blockAt[k] = this.allocBlock(this.firstBlock);
    else if (n === this.pool[b]) {
      // Full: moved to a block twice the size.
      const bigger = this.allocBlock(2 * (this.pool[b] as number));
      this.pool.copyWithin(bigger + 1, b + 1, b + 1 + n * SLOT);
      this.freeBlock(b);
      b = this.blockAt[k] = bigger;
    }
    const pool = this.pool;
    const base = b + 1;
    // After every slot that starts no later (as a stable sort by start would put it).
    let at = n;
    while (at > 0 && (pool[base + (at - 1) * SLOT] as number) > start) at--;
    if (at < n) pool.copyWithin(base + (at + 1) * SLOT, base + at * SLOT, base + n * SLOT);
    const i = base + at * SLOT;
    pool[i] = start;
    pool[i + 1] = end;
    pool[i + 2] = enterprise;
    pool[i + 3] = key;
    (this.officerDayVisits[k] as number)++;
    (this.officerDayMinutes[k] as number) += end - start;
    this.updateRoom(officer, day);
  }

  /** Sets `out` to the keys of the visits these officers have that day, each once, in the officers' order. */
  visitKeysOf(officers: readonly number[], day: number, out: number[]): void {
    // Keys seen are marked with this call's stamp in a typed array by key (a set cleared per call
    // got a new table each time: on L staff-bound over 100 MB for the collector).
    if (++this.stamp === 0x7fffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    let n = 0;
    const O = this.P.officers.length;
    const pool = this.pool;
    for (const officer of officers) {
      const k = day * O + officer;
      const b = this.blockAt[k] as number;
      if (b < 0) continue;
      for (let i = b + 1 + 3, last = b + 1 + (this.officerDayVisits[k] as number) * SLOT; i < last; i += SLOT) {
        const key = pool[i] as number;
        if (key >= this.seenStamp.length) {
          const grown = new Int32Array(Math.max(2 * this.seenStamp.length, key + 1));
          grown.set(this.seenStamp);
          this.seenStamp = grown;
        }
        if (this.seenStamp[key] === stamp) continue;
        this.seenStamp[key] = stamp;
        out[n++] = key;
      }
    }
    out.length = n;
  }
  /** Scratch of `visitKeysOf`: per visit key, the stamp of the last call that listed it. */
  private seenStamp = new Int32Array(1024);
  private stamp = 0;

  /** Cancels what `book` did for that visit. */
  unbook(officer: number, day: number, start: number, end: number, key: number): void {
    const k = day * this.P.officers.length + officer;
    const b = this.blockAt[k] as number;
    const n = this.officerDayVisits[k] as number;
    if (b >= 0) {
      const pool = this.pool;
      const base = b + 1;
      for (let at = 0; at < n; at++) {
        if (pool[base + at * SLOT + 3] === key) {
          pool.copyWithin(base + at * SLOT, base + (at + 1) * SLOT, base + n * SLOT);
          break;
        }
      }
      if (n === 1) {
        this.freeBlock(b);
        this.blockAt[k] = -1;
      }
    }
    (this.officerDayVisits[k] as number)--;
    (this.officerDayMinutes[k] as number) -= end - start;
    this.updateRoom(officer, day);
  }

  /**
   * Copies the visits of `candidates[0…used)` that day into the gathered scratch and returns
   * their end moments (plus travel to `entIdx`), ascending, with repeats.
   */
  gatherSlots(candidates: Int32Array, used: number, day: number, entIdx: number): Int32Array {
    const P = this.P;
    let total = 0;
    for (let j = 0; j < used; j++) total += this.officerDayVisits[day * P.officers.length + (candidates[j] as number)] as number;
    if (total * 3 > this.gathered.length) this.gathered = new Int32Array(total * 6);
    if (total > this.gatheredEnds.length) {
      this.gatheredEnds = new Int32Array(total * 2);
      this.endViewList.length = 0;
    }
    const buf = this.gathered;
    const ends = this.gatheredEnds;
    let at = 0;
    let n = 0;
    const pool = this.pool;
    for (let j = 0; j < used; j++) {
      const oi = candidates[j] as number;
      const k = day * P.officers.length + oi;
      const count = this.officerDayVisits[k] as number;
      this.gatheredFrom[oi] = at;
      if (count > 0) {
        for (let i = (this.blockAt[k] as number) + 1, last = i + count * SLOT; i < last; i += SLOT) {
          const other = pool[i + 2] as number;
          buf[at++] = pool[i] as number;
          buf[at++] = pool[i + 1] as number;
          buf[at++] = other;
          ends[n++] = (pool[i + 1] as number) + P.travel(other, entIdx);
        }
      }
      this.gatheredTo[oi] = at;
    }
    return this.endViews(n).sort();
  }

  private endViews(n: number): Int32Array {
    return (this.endViewList[n] ??= this.gatheredEnds.subarray(0, n));
  }

  /** `isFree` for a candidate whose visits `gatherSlots` has just copied. */
  isFreeLocal(officer: number, start: number, end: number, ent: number): boolean {
    const buf = this.gathered;
    for (let i = this.gatheredFrom[officer] as number; i < (this.gatheredTo[officer] as number); i += 3) {
      const other = buf[i + 2] as number;
      const before = end + this.P.travel(ent, other) <= (buf[i] as number);
      const after = (buf[i + 1] as number) + this.P.travel(other, ent) <= start;
      if (!before && !after) return false;
    }
    return true;
  }

  /** `officerAdmits` from the flat tables: the officer serves the enterprise's area and does not recuse himself there. */
  admits(officer: number, enterprise: number): boolean {
    const a = this.areaOf[enterprise] as number;
    if (a >= 0 && this.officerArea[officer * this.areaCount + a] === 0) return false;
    return this.officerAvoids[officer] === 0 || !(this.P.officers[officer] as COfficer).avoid.has((this.P.enterprises[enterprise] as CEnterprise).id);
  }

  /** The bit of an enterprise's area in `presentAreas` (0: no area, every officer serves it; −1: ask `admits`). */
  areaBit(enterprise: number): number {
    return this.areaBits[enterprise] as number;
  }

  /** A block of `pool` for `capacity` visits (a free one of that size, else at the end, the pool grown as needed). */
  private allocBlock(capacity: number): number {
    const free = this.freeBlocks[capacity];
    if (free !== undefined && free.length > 0) return free.pop() as number;
    const size = 1 + capacity * SLOT;
    if (this.poolEnd + size > this.pool.length) {
      const grown = new Int32Array(Math.max(2 * this.pool.length, this.poolEnd + size));
      grown.set(this.pool.subarray(0, this.poolEnd));
      this.pool = grown;
    }
    const b = this.poolEnd;
    this.pool[b] = capacity;
    this.poolEnd += size;
    return b;
  }

  private freeBlock(b: number): void {
    (this.freeBlocks[this.pool[b] as number] ??= []).push(b);
  }

  /**
   * Brings the room table up to date for an officer-day after its visits changed: moves the
   * officer from the bucket he was counted in (`roomBucket`) to the one he belongs in now.
   */
  private updateRoom(officer: number, day: number): void {
    const k = day * this.P.officers.length + officer;
    const was = this.roomBucket[k] as number;
    if (was === ABSENT) return;
    const off = this.P.officers[officer] as COfficer;
    const now = this.roomNow(officer, k);
    if (now === was) return;
    this.roomBucket[k] = now;
    const rows = this.roomRows;
    const base = (off.department * this.P.days + day) * rows;
    const served = this.areasServed[officer] as Int32Array;
    // Counts of "at least this bucket": moving from bucket `was` to `now` changes the buckets between.
    const step = now > was ? 1 : -1;
    const lo = Math.min(was, now) + 1;
    const hi = Math.max(was, now);
    let row = (base + rows - 1) * this.roomBuckets;
    for (let b = lo; b <= hi; b++) (this.room[row + b] as number) += step;
    for (const a of served) {
      row = (base + a) * this.roomBuckets;
      for (let b = lo; b <= hi; b++) (this.room[row + b] as number) += step;
    }
  }

  /** The longest stretch of an officer-day (index `k`) without a visit, travel aside (minutes). */
  /** A present officer-day's room bucket as its bookings leave it (`presentLeft` brought up to date on the way). */
  private roomNow(officer: number, k: number): number {
    const off = this.P.officers[officer] as COfficer;
    const at = this.presentAt[k] as number;
    if (at >= 0) {
      const visits = this.officerDayVisits[k] as number;
      this.presentLeft[at] = visits === 0 ? off.maxMinutes : visits >= off.maxVisits ? -1 : off.maxMinutes - (this.officerDayMinutes[k] as number);
    }
    if ((this.officerDayVisits[k] as number) >= off.maxVisits) return NO_ROOM;
    // Free minutes, and no more than the longest free stretch of the day: a visit needs one.
    const left = Math.min(off.maxMinutes - (this.officerDayMinutes[k] as number), this.longestGap(k));
    return left >= 0 ? Math.min(this.roomBuckets - 1, Math.floor(left / ROOM_MINUTES)) : NO_ROOM;
  }

  private longestGap(k: number): number {
    const b = this.blockAt[k] as number;
    const P = this.P;
    if (b < 0) return P.dayEnd - P.dayStart;
    const pool = this.pool;
    let longest = 0;
    let from = P.dayStart;
    for (let i = b + 1, last = i + (this.officerDayVisits[k] as number) * SLOT; i < last; i += SLOT) {
      longest = Math.max(longest, (pool[i] as number) - from);
      from = Math.max(from, pool[i + 1] as number);
    }
    return Math.max(longest, P.dayEnd - from);
  }

  /** At most how many officers of a department could take a visit of `length` minutes at an enterprise that day (ignoring recusals and timing). */
  roomFor(department: number, day: number, length: number, enterprise: number): number {
    const a = this.areaOf[enterprise] as number;
    const row = this.roomRows === 1 || a < 0 ? this.roomRows - 1 : a;
    const base = ((department * this.P.days + day) * this.roomRows + row) * this.roomBuckets;
    const b = Math.max(0, Math.floor(length / ROOM_MINUTES));
    return b < this.roomBuckets ? (this.room[base + b] as number) : 0;
  }

  /** Whether an officer can take one more visit of `length` minutes that day (count and minutes). */
  hasRoom(officer: number, day: number, length: number): boolean {
    const off = this.P.officers[officer] as COfficer;
    const k = day * this.P.officers.length + officer;
    const visits = this.officerDayVisits[k] as number;
    if (visits === 0) return length <= off.maxMinutes;
    if (visits >= off.maxVisits) return false;
    return (this.officerDayMinutes[k] as number) + length <= off.maxMinutes;
  }

  /** Whether an officer is free from `start` to `end` at an enterprise that day, with travel time. */
  isFree(officer: number, day: number, start: number, end: number, ent: number): boolean {
    const k = day * this.P.officers.length + officer;
    // The dense counter first: most officer-days hold no visit, and `hasRoom` has just read it.
    const n = this.officerDayVisits[k] as number;
    if (n === 0) return true;
    const pool = this.pool;
    for (let i = (this.blockAt[k] as number) + 1, last = i + n * SLOT; i < last; i += SLOT) {
      const other = pool[i + 2] as number;
      const before = end + this.P.travel(ent, other) <= (pool[i] as number);
      const after = (pool[i + 1] as number) + this.P.travel(other, ent) <= start;
      if (!before && !after) return false;
    }
    return true;
  }

}
