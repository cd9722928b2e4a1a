/**
 * Two builds: the library (ESM + CJS with types for both) and the `joint-inspection`
 * executable (one CJS file with a shebang, so `bin` works on every Node ≥ 20 without a loader).
 * Runtime dependencies stay external in both; they are installed with the package.
 */
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    // One file per format: the package exports name exactly these.
    splitting: false,
    // Only this build's own files, so the two builds (run in parallel) never delete each other's output.
    clean: ['index.*'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    clean: ['cli.*'],
  },
]);
