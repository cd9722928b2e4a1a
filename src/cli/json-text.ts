/**
 * JSON text with a line and column for syntax errors. `JSON.parse` does the parsing; only when
 * it fails does a small strict scanner (RFC 8259) walk the text to find where and why, because
 * V8's messages give a character offset at best and sometimes only a snippet.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (UTF-16 code units). */
  line: number;
  column: number;
  /** A `json_*` message code of the CLI message table. */
  code: string;
  details: Record<string, string>;
}

export type JsonText = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

export function parseJsonText(text: string): JsonText {
  // Editors on Windows often save UTF-8 with a byte-order mark; it is not part of the data.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = locateSyntaxError(body);
    const offset = found?.offset ?? 0;
    const { line, column } = lineAndColumn(body, offset);
    const problem = found ?? { code: 'json_other', details: { detail: (error as Error).message } };
    return { ok: false, error: { line, column, code: problem.code, details: problem.details } };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface Found {
  offset: number;
  code: string;
  details: Record<string, string>;
}

class Stop {
  constructor(readonly found: Found) {}
}

const describe = (ch: string | undefined): string => (ch === undefined ? 'end of text' : JSON.stringify(ch));

/** Where and why `text` is not JSON, or `undefined` when the scanner finds nothing wrong. */
export function locateSyntaxError(text: string): Found | undefined {
  let i = 0;
  const fail = (code: string, details: Record<string, string> = {}, at = i): never => {
    throw new Stop({ offset: at, code, details });
  };
  const unexpected = (): never =>
    i >= text.length ? fail('json_unexpected_end') : fail('json_unexpected_character', { character: describe(text[i]) });
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) unexpected();
    i++;
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('json_unterminated_string', {}, start);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) fail('json_control_character');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('json_invalid_escape');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail('json_invalid_escape');
        i += 2;
        continue;
      }
      i++;
    }
    i++; // closing quote
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('json_invalid_number');
    i += (m as RegExpExecArray)[0].length;
    if (/[0-9.eE+-]/.test(text[i] ?? '')) fail('json_invalid_number');
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') unexpected();
        string();
        space();
        expect(':');
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (ch === '"') return string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    unexpected();
  };
  try {
    value();
    space();
    if (i < text.length) fail('json_trailing_content', { character: describe(text[i]) });
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.found;
    // Nesting deep enough to overflow the stack: give up on the location, keep V8's message.
    return undefined;
  }
}
