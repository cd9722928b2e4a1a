/**
 * Fields the contract does not define. They are dropped by parsing (hosts may send their own
 * extra data), but a misspelt optional field (`preferedDates`) would otherwise vanish without
 * a word, so each one is reported as a warning with its JSON path.
 */
import type { z } from 'zod';
import type { Locale } from '../report/format.js';
import { makeIssue, type InputIssue, type PathSegment } from './issues.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  catchall?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function walk(schema: z.ZodType, value: unknown, path: PathSegment[], out: PathSegment[][]): void {
  const def = defOf(schema);
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
    walk(def.innerType, value, path, out);
  } else if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((v, i) => walk(def.element as z.ZodType, v, [...path, i], out));
  } else if (def.type === 'object' && def.shape && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const loose = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
    for (const [key, v] of Object.entries(value)) {
      const field = def.shape[key];
      if (field) walk(field, v, [...path, key], out);
      else if (!loose) out.push([...path, key]);
    }
  } else if (def.type === 'union' && def.options) {
    // Walk the object branch of a union such as a cap's `period`.
    for (const option of def.options) if (defOf(option).type === 'object') walk(option, value, path, out);
  }
}

export function unknownFields(schema: z.ZodType, value: unknown, locale: Locale): InputIssue[] {
  const paths: PathSegment[][] = [];
  walk(schema, value, [], paths);
  return paths.map((p) => makeIssue(p, 'unknown_field', {}, locale));
}
