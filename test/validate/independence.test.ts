/**
 * The validator is an independent reading of the contract: nothing it imports at run time,
 * directly or through other modules, may come from the planner (`src/solver/`, `src/compile/`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  // Type-only imports vanish at run time (a type shared with the planner is no planner code).
  for (const m of text.matchAll(/(?:import|export)(?!\s+type\s)[^'"]*from\s+'(\.[^']+)'/g)) {
    out.push(resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
  }
  for (const m of text.matchAll(/import\('(\.[^']+)'\)/g)) out.push(resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
  return out;
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

describe('validator independence', () => {
  it('validatePlan never reaches planner code', () => {
    const files = [...closure(join(SRC, 'validate/index.ts'))].map((f) => relative(SRC, f));
    expect(files).toContain('rules/cap.ts');
    expect(files.filter((f) => f.startsWith('solver/') || f.startsWith('compile/'))).toEqual([]);
  });
});
