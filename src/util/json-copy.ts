/**
 * What `JSON.parse(JSON.stringify(value))` gives, without the text in between (the report copies
 * every unplaced occurrence's details so; where caps bind that is a third of the occurrences):
 * `undefined`, functions and symbols dropped from objects and `null` in arrays, numbers that are
 * not finite `null`, −0 as 0; anything with its own idea of JSON (`toJSON`, typed arrays, maps)
 * still through the text.
 */
export function jsonCopy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = dropped(value[i]) ? null : jsonCopy(value[i]);
    return out;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function' || ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set) return JSON.parse(JSON.stringify(value)) as unknown;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const x = (value as Record<string, unknown>)[key];
    if (dropped(x)) continue;
    // (A key `__proto__` is an own field in parsed JSON, not the prototype.)
    if (key === '__proto__') Object.defineProperty(out, key, { value: jsonCopy(x), enumerable: true, writable: true, configurable: true });
    else out[key] = jsonCopy(x);
  }
  return out;
}
const dropped = (x: unknown) => x === undefined || typeof x === 'function' || typeof x === 'symbol';
