/**
 * `fc.record` that always builds ordinary objects. fast-check may otherwise hand out objects
 * with a null prototype, which no JSON parser produces — scenarios here are meant to look
 * exactly like `JSON.parse` output.
 */
import fc from 'fast-check';

export const record: typeof fc.record = ((model: never, constraints?: object) =>
  fc.record(model, { ...constraints, noNullPrototype: true } as never)) as typeof fc.record;
