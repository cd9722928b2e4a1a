/**
 * `JSON.stringify(value, null, 2)` in pieces, so that a large plan is written without first
 * being one string of its own size (on a province's year that string, and the buffer made from
 * it to write it, were about 400 MB at the CLI's peak). The pieces joined are exactly the text
 * `JSON.stringify(value, null, 2)` returns (test/cli/json-chunks.test.ts): long lists of the
 * document and of its top-level fields are written element by element, each element by
 * `JSON.stringify` itself and indented to its depth (its text has no raw line break of its own:
 * line breaks inside strings are escaped), everything else as `JSON.stringify` writes it.
 */

/** Lists at most this long are written in one piece. */
const LONG = 64;
/** Pieces are gathered up to about this many characters before they are handed out. */
const PIECE = 1 << 20;

/** The text of `JSON.stringify(value, null, 2)` (`undefined` as the empty sequence), in pieces of about a megabyte. */
export function* jsonChunks(value: unknown): Generator<string> {
  let buffer = '';
  for (const part of parts(value, '', 0)) {
    buffer += part;
    if (buffer.length >= PIECE) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}

/** Whether `value` is a list or an object whose JSON text this file lays out itself (no `toJSON`). */
function container(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** `JSON.stringify(value, null, 2)` at this indent (its inner line breaks followed by it), or undefined. */
function whole(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** The document (depth 0) and its fields (depth 1) are laid out here; deeper values by `JSON.stringify`. */
function* parts(value: unknown, indent: string, depth: number): Generator<string> {
  const long = Array.isArray(value) ? value.length > LONG : container(value) && depth === 0;
  if (!container(value) || depth > 1 || !long) {
    const text = whole(value, indent);
    if (text !== undefined) yield text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '\n' : ',\n'}${inner}`;
      // An element JSON cannot write (undefined, a function, a symbol) is written as null.
      const text = whole(value[i], inner);
      yield text ?? 'null';
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const field = value[key];
    const text = Array.isArray(field) && field.length > LONG ? undefined : whole(field, inner);
    if (text === undefined && !(Array.isArray(field) && field.length > LONG)) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    if (text !== undefined) yield text;
    else yield* parts(field, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** A JSON document as the CLI writes it: `JSON.stringify(value, null, 2)` and a line break, in pieces. */
export function* jsonDocument(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield '\n';
}
