/**
 * The walk that finds unknown fields shares one path stack and skips values that cannot hold an
 * object: a host field put anywhere an object of the scenario is must still be found, once, with
 * the JSON path of where it was put — and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseScenario } from '../../src/index.js';
import { makeScenario } from '../support/builders.js';

type Place = (string | number)[];

/** Every object inside `value` (its path from the root), the root included. */
function objectPlaces(value: unknown, path: Place = [], out: Place[] = []): Place[] {
  if (Array.isArray(value)) value.forEach((v, i) => objectPlaces(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    out.push(path);
    for (const [k, v] of Object.entries(value)) objectPlaces(v, [...path, k], out);
  }
  return out;
}

const at = (root: unknown, path: Place): Record<string, unknown> => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<string, unknown>;
const written = (path: Place) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

describe('unknown fields anywhere in the scenario', () => {
  const places = objectPlaces(makeScenario());

  it('are found with their JSON path, each once (fast-check over every object of the builder’s scenario)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(places.length - 1), { minLength: 1, maxLength: 4 }), (picked) => {
        const s = makeScenario();
        // A host field far from every contract field (a warning, never a misspelling).
        for (const k of picked) at(s, places[k] as Place).hostReferenceQq = 'OA-118';
        const result = safeParseScenario(s);
        const found = (result.success ? result.warnings : result.issues).filter((w) => w.code === 'unknown_field').map((w) => String(w.path));
        const expected = picked.map((k) => written([...(places[k] as Place), 'hostReferenceQq']));
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 60 },
    );
  });

  it('the builder’s scenario has objects at depth three or more (so the law reaches nested places)', () => {
    expect(places.some((p) => p.length >= 3)).toBe(true);
  });
});
