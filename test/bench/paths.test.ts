/**
 * Which build the bench's children load (bench/paths.ts): the copy of dist/ that `npm run bench`
 * takes when it starts, so that a rebuild of dist/ by other work during a long run does not
 * change the package measured half-way; the copy loads, its dependencies resolving.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile, builtUrl, ROOT, snapshotBuild } from '../../bench/paths.js';

describe('the build the children load', () => {
  it('is dist/ unless JI_BENCH_DIST names a copy', () => {
    expect(builtFile('cli.cjs', {})).toBe(path.join(ROOT, 'dist', 'cli.cjs'));
    expect(builtFile('cli.cjs', { JI_BENCH_DIST: '/x/dist-1' })).toBe(path.join('/x/dist-1', 'cli.cjs'));
    expect(builtUrl('index.js', { JI_BENCH_DIST: '/x/dist-1' })).toBe('file:///x/dist-1/index.js');
  });

  it('snapshots dist/ where its dependencies resolve, and removes the copy', async () => {
    const { dir, remove } = snapshotBuild();
    try {
      expect(readFileSync(path.join(dir, 'index.js'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'dist', 'index.js'), 'utf8'));
      const lib = (await import(builtUrl('index.js', { JI_BENCH_DIST: dir }))) as { parseScenario: unknown; planSync: unknown };
      expect(typeof lib.parseScenario).toBe('function');
      expect(typeof lib.planSync).toBe('function');
    } finally {
      remove();
    }
    expect(existsSync(dir)).toBe(false);
  });
});
