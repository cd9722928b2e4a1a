/**
 * Fields the contract does not define. They are dropped by parsing (hosts may send their own
 * extra data), but a misspelt optional field (`exlusive` for `exclusive`) would otherwise
 * vanish without a word — and with it an unannounced check's protection. So:
 * - a field close to a field defined at that place of the schema (see `looksLike`) is a
 *   misspelling: an error (`misspelt_field`, with the suggestion) unless the caller allows
 *   unknown fields, then a warning;
 * - any other unknown field is a warning (`unknown_field`).
 * Both carry the JSON path.
 */
import type { z } from 'zod';
import { formatMessage, type Locale } from '../report/format.js';
import { inputMessages } from '../report/locales/input-messages.js';
import { makeIssue, type InputIssue, type PathSegment } from './issues.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  catchall?: z.ZodType;
}

interface Unknown {
  path: PathSegment[];
  field: string;
  /** The fields defined at that place. */
  known: readonly string[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Whether a value of this schema can hold an object (so an unknown field): leaves and arrays of
 * leaves are not walked. Memoised per schema (the schemas are module constants).
 */
function holdsObjects(schema: z.ZodType): boolean {
  let known = holding.get(schema);
  if (known === undefined) {
    const def = defOf(schema);
    holding.set(schema, true); // (a recursive schema holds objects: assumed while it is looked at)
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) known = holdsObjects(def.innerType);
    else if (def.type === 'array' && def.element) known = holdsObjects(def.element);
    else known = (def.type === 'object' && def.shape !== undefined) || (def.type === 'union' && def.options !== undefined);
    holding.set(schema, known);
  }
  return known;
}
const holding = new WeakMap<z.ZodType, boolean>();

/** `path` is the place of `value`, a stack shared by the walk (copied only for what is found). */
function walk(schema: z.ZodType, value: unknown, path: PathSegment[], out: Unknown[]): void {
  const def = defOf(schema);
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
    walk(def.innerType, value, path, out);
  } else if (def.type === 'array' && def.element && Array.isArray(value)) {
    if (!holdsObjects(def.element)) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(def.element, value[i], path, out);
      path.pop();
    }
  } else if (def.type === 'object' && def.shape && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const loose = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
    const shape = def.shape;
    for (const key of Object.keys(value)) {
      const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (field) {
        if (!holdsObjects(field)) continue;
        path.push(key);
        walk(field, (value as Record<string, unknown>)[key], path, out);
        path.pop();
      } else if (!loose) out.push({ path: [...path, key], field: key, known: Object.keys(shape) });
    }
  } else if (def.type === 'union' && def.options) {
    // Walk the object branch of a union such as a cap's `period`.
    for (const option of def.options) if (defOf(option).type === 'object') walk(option, value, path, out);
  }
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where no substring is edited
 * twice): insertions, deletions, substitutions and swaps of two neighbours cost 1 each.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[(i - 1) * cols + j] as number) + 1, (d[i * cols + j - 1] as number) + 1, (d[(i - 1) * cols + j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (d[(i - 2) * cols + j - 2] as number) + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] as number;
}

/**
 * How far (edit distance, letter case ignored) a field may be from a contract field and still
 * count as its misspelling: 2 for names of 6 letters or more (`exlusive`, `preferedDates`),
 * 1 for names of 3 to 5 (`aeras`, `bsis`), and only a difference of case for shorter ones
 * (`ID`): a host's own short field (`no`, `ts`) is too easily one edit from `id` or `to`.
 */
export function misspellingLimit(contractField: string): number {
  const n = contractField.length;
  return n >= 6 ? 2 : n >= 3 ? 1 : 0;
}

/** The contract field `field` most likely misspells, if any (closest first, then schema order). */
export function looksLike(field: string, known: readonly string[]): string | undefined {
  const lower = field.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const distance = editDistance(lower, k.toLowerCase());
    if (distance <= misspellingLimit(k) && distance < bestDistance) {
      best = k;
      bestDistance = distance;
    }
  }
  return best;
}

export interface UnknownFieldIssues {
  /** Misspellings when unknown fields are not allowed. */
  errors: InputIssue[];
  /** Other unknown fields (and misspellings, when allowed). */
  warnings: InputIssue[];
}

export function unknownFields(schema: z.ZodType, value: unknown, locale: Locale, allowUnknownFields = false): UnknownFieldIssues {
  const found: Unknown[] = [];
  walk(schema, value, [], found);
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  for (const u of found) {
    const suggestion = looksLike(u.field, u.known);
    if (suggestion === undefined) warnings.push(makeIssue(u.path, 'unknown_field', { field: u.field }, locale));
    else if (!allowUnknownFields) errors.push(makeIssue(u.path, 'misspelt_field', { field: u.field, suggestion }, locale));
    else {
      // Accepted as asked: the warning still names the likely field, but no longer tells the
      // caller to set the option they have set.
      const issue = makeIssue(u.path, 'misspelt_field', { field: u.field, suggestion }, locale);
      warnings.push({ ...issue, message: formatMessage(inputMessages, locale, 'misspelt_field.allowed', { field: u.field, suggestion }) });
    }
  }
  return { errors, warnings };
}
