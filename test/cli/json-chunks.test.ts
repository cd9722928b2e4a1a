import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonDocument } from '../../src/cli/json-chunks.js';
import { parseScenario } from '../../src/model/parse.js';
import { planSync } from '../../src/solver/index.js';
import { generateScenario } from '../../bench/generator/index.js';

const joined = (value: unknown) => [...jsonChunks(value)].join('');

/** Values JSON.stringify treats specially: dropped in objects, null in lists, or written through toJSON. */
const odd = fc.constantFrom<unknown>(undefined, () => 1, Symbol('s'), { toJSON: () => 'custom' }, new Date(Date.UTC(2026, 2, 4)), Object.assign([1, 2], { toJSON: () => 'list' }));
const leaf = fc.oneof(fc.jsonValue({ maxDepth: 3 }), odd, fc.string({ unit: 'binary' }));
/** Lists long enough to be written element by element, and short ones. */
const list = (item: fc.Arbitrary<unknown>) => fc.oneof(fc.array(item, { maxLength: 4 }), fc.array(item, { minLength: 65, maxLength: 140 }));
const field = fc.oneof(leaf, list(leaf), fc.dictionary(fc.string(), leaf, { maxKeys: 4 }));
const documentArb = fc.oneof(fc.dictionary(fc.string(), field, { maxKeys: 8 }), list(field), leaf);

describe('jsonChunks', () => {
  it('law: the pieces joined are exactly JSON.stringify(value, null, 2)', () => {
    fc.assert(
      fc.property(documentArb, (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2) ?? '');
      }),
      { numRuns: 400 },
    );
  });

  it('law: objects whose every field is dropped are {}, empty lists []', () => {
    for (const value of [{}, { a: undefined, b: () => 0 }, [], { list: [] }, { list: Array.from({ length: 70 }, () => undefined) }]) {
      expect(joined(value)).toBe(JSON.stringify(value, null, 2));
    }
  });

  it('a plan is written byte for byte as before, in more than one piece when it is large', () => {
    const scenario = parseScenario(generateScenario({ tier: 'S', seed: 3 }));
    const plan = planSync(scenario, { seed: 3 });
    const pieces = [...jsonDocument(plan)];
    expect(pieces.join('')).toBe(JSON.stringify(plan, null, 2) + '\n');
    expect(pieces.at(-1)).toBe('\n');
    // A document longer than a piece is handed out in several (the point of the exercise).
    const big = { visits: Array.from({ length: 20_000 }, (_, i) => ({ id: `V${i}`, note: '检查'.repeat(20) })) };
    const bigPieces = [...jsonChunks(big)];
    expect(bigPieces.length).toBeGreaterThan(1);
    expect(bigPieces.join('')).toBe(JSON.stringify(big, null, 2));
  });
});
