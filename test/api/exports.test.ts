/**
 * The public entry, read with the TypeScript compiler: every name `src/index.ts` exports has a
 * JSDoc comment with an `@example` at its declaration (so the API reference shows one), and
 * the entry publishes nothing by `export *` (each public name is chosen).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/index.ts');

function publicSymbols(): { program: ts.Program; checker: ts.TypeChecker; exports: ts.Symbol[] } {
  const program = ts.createProgram([ENTRY], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(ENTRY) as ts.SourceFile;
  const module = checker.getSymbolAtLocation(source) as ts.Symbol;
  return { program, checker, exports: checker.getExportsOfModule(module) };
}

/** The `@example` tags of the declarations a public name stands for. */
function examplesOf(symbol: ts.Symbol, checker: ts.TypeChecker): number {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  let n = 0;
  for (const d of target.declarations ?? []) {
    // A `const x = …` carries its JSDoc on the statement, two levels up.
    const holders = ts.isVariableDeclaration(d) ? [d, d.parent.parent] : [d];
    for (const h of holders) n += ts.getJSDocTags(h).filter((t) => t.tagName.text === 'example').length;
  }
  return n;
}

describe('the public entry (src/index.ts)', () => {
  const { checker, exports } = publicSymbols();

  it('exports something', () => {
    expect(exports.length).toBeGreaterThan(50);
  });

  it('documents every export with an @example', () => {
    const missing = exports.filter((s) => examplesOf(s, checker) === 0).map((s) => s.name);
    expect(missing).toEqual([]);
  });

  it('lists every export by name (no `export *`)', () => {
    const text = readFileSync(ENTRY, 'utf8');
    expect(text).not.toMatch(/export\s+\*/);
    expect(text).not.toMatch(/export\s+type\s+\*/);
  });

  it('publishes at run time exactly the value names the compiler sees', () => {
    const values = exports
      .filter((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        return (target.flags & ts.SymbolFlags.Value) !== 0;
      })
      .map((s) => s.name)
      .sort();
    expect(Object.keys(api).sort()).toEqual(values);
  });

  it('exports the error classes and the code lists a host needs', () => {
    for (const error of [new api.ScenarioError([]), new api.PlanError([]), new api.ExportError([]), new api.PlanAssertionError([])]) {
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(new api.ScenarioError([])).toBeInstanceOf(api.InputError);
    expect(api.REASON_CODES).toContain('CAP_REACHED');
    expect(api.RULE_IDS).toContain('cap');
  });
});
