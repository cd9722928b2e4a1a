/** Locating JSON syntax errors: line and column of the first offending character, and why. */
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/cli/json-text.js';

const errorOf = (text: string) => {
  const r = parseJsonText(text);
  if (r.ok) throw new Error(`parsed: ${text}`);
  return r.error;
};

describe('parseJsonText', () => {
  it('parses valid JSON, ignoring a UTF-8 byte-order mark', () => {
    expect(parseJsonText('\ufeff{"a": [1, 2.5e3, "x\\u00e9", true, null]}')).toEqual({ ok: true, value: { a: [1, 2500, 'xé', true, null] } });
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'json_unexpected_character', { character: '"}"' }],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'json_unexpected_character', { character: '"\\""' }],
    ['{"a": tru}', 1, 7, 'json_unexpected_character', { character: '"t"' }],
    ['[1, 2', 1, 6, 'json_unexpected_end', {}],
    ['', 1, 1, 'json_unexpected_end', {}],
    ['{"a": "x\n', 1, 9, 'json_control_character', {}],
    ['{"a": "xyz', 1, 7, 'json_unterminated_string', {}],
    ['["\\q"]', 1, 3, 'json_invalid_escape', {}],
    ['[01]', 1, 3, 'json_invalid_number', {}],
    ['{} x', 1, 4, 'json_trailing_content', { character: '"x"' }],
    ["{'a': 1}", 1, 2, 'json_unexpected_character', { character: '"\'"' }],
  ])('%j fails at %i:%i with %s', (text, line, column, code, details) => {
    expect(errorOf(text)).toEqual({ line, column, code, details });
  });

  it('keeps the engine message when nesting is too deep to scan', () => {
    expect(errorOf('['.repeat(200_000))).toEqual({ line: 1, column: 1, code: 'json_other', details: { detail: 'Unexpected end of JSON input' } });
  });
});
