/**
 * For tests of command-line parsing that ends the process (the bench scripts' `fail`, which
 * prints the usage and calls `process.exit`): runs a function with the exit and the output caught.
 * Call `vi.restoreAllMocks()` after each test.
 */
import { vi } from 'vitest';

/** Runs `f` with the process's exit and output caught: the exit code and what was written; throws if `f` returns. */
export function exitOf(f: () => unknown): { code: number | undefined; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw Object.assign(new Error('exit'), { code });
  });
  try {
    f();
  } catch (error) {
    return { code: (error as { code?: number }).code, stdout, stderr };
  }
  throw new Error('did not exit');
}
