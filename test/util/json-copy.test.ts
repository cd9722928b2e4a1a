/** `jsonCopy` is `JSON.parse(JSON.stringify(x))` without the text: the same value for any value JSON can write. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCopy } from '../../src/util/json-copy.js';

const viaText = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('jsonCopy', () => {
  it('equals the round trip through the text, key order included (fast-check: anything, with −0, NaN, undefined, nested arrays and objects)', () => {
    fc.assert(
      fc.property(fc.object({ values: [fc.anything({ withNullPrototype: false }), fc.constant(undefined), fc.constant(-0), fc.constant(Number.NaN), fc.constant(Infinity)] }), (x) => {
        const copy = jsonCopy(x);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(x));
        expect(copy).toStrictEqual(viaText(x));
      }),
      { numRuns: 300 },
    );
  });

  it('arrays: holes and undefined become null, functions too; maps, sets and typed arrays as the text writes them', () => {
    const x = { a: [1, undefined, () => 1, Symbol('s'), -0], m: new Map([[1, 2]]), s: new Set([1]), t: Int32Array.of(3, 4), d: new Date(0), n: -0, f: () => 0 };
    expect(jsonCopy(x)).toStrictEqual(viaText(x));
    expect(Object.is((jsonCopy(x) as { n: number }).n, 0)).toBe(true);
  });

  it('a key `__proto__` stays a field, as in parsed JSON', () => {
    const x = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as unknown;
    expect(jsonCopy(x)).toStrictEqual(viaText(x));
    expect(Object.keys(jsonCopy(x) as object)).toEqual(['__proto__', 'a']);
  });

  it('does not share or change what it copies', () => {
    const x = { a: { b: [1, 2] } };
    const copy = jsonCopy(x) as typeof x;
    expect(copy.a).not.toBe(x.a);
    expect(copy.a.b).not.toBe(x.a.b);
    expect(x).toEqual({ a: { b: [1, 2] } });
  });
});
