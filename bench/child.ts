/**
 * Runs one bench job in a child process (`node --import tsx FILE`, from the repository root):
 * sends the job, waits for one message back, and kills the child if it has not answered in time.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.js';

/** What came of a child: its one message, a time-out (it was killed), or an exit without a message. */
export type ChildOutcome<T> = { kind: 'message'; value: T } | { kind: 'timeout'; afterMs: number } | { kind: 'crash'; code: number | null; signal: string | null; stderr: string };

/** Forks `file` (relative to the repository root), sends it `job`, and waits at most `timeoutMs`. */
export function runChild<T>(file: string, job: object, timeoutMs: number): Promise<ChildOutcome<T>> {
  return new Promise((resolve) => {
    const child = fork(path.join(ROOT, file), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    let settled = false;
    const done = (outcome: ChildOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done({ kind: 'timeout', afterMs: timeoutMs });
    }, timeoutMs);
    child.once('message', (value) => done({ kind: 'message', value: value as T }));
    child.once('exit', (code, signal) => done({ kind: 'crash', code, signal, stderr: stderr.trim() }));
    child.send(job);
  });
}
