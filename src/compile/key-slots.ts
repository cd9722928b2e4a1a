/**
 * Dense slot numbers for integer keys (0 ≤ key < 2⁵³), in the order the keys are first seen:
 * what a `Map<number, number>` that numbers its keys would give, kept in two typed arrays
 * (open addressing, linear probing) so that a few hundred thousand keys cost no map entries
 * and no objects — the compiler numbers a city's cap tallies with it while seeding history.
 */
export class KeySlots {
  private keys = new Float64Array(16).fill(-1);
  private slots = new Int32Array(16);
  private shift = 28; // 32 − log2(capacity)
  /** How many distinct keys were seen. */
  size = 0;

  /** The slot of `key`: its rank among the distinct keys seen so far, first seen first. */
  slot(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key) return this.slots[i] as number;
      if (k === -1) {
        this.keys[i] = key;
        this.slots[i] = this.size;
        if (2 * ++this.size > this.keys.length) this.grow();
        return this.size - 1;
      }
    }
  }

  private home(key: number): number {
    const hi = Math.floor(key / 4294967296);
    return Math.imul((key >>> 0) ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const keys = this.keys;
    const slots = this.slots;
    this.keys = new Float64Array(2 * keys.length).fill(-1);
    this.slots = new Int32Array(2 * keys.length);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j] as number;
      if (key === -1) continue;
      let i = this.home(key);
      while (this.keys[i] !== -1) i = (i + 1) & mask;
      this.keys[i] = key;
      this.slots[i] = slots[j] as number;
    }
  }
}
