/** The `joint-inspection` executable: `runCli` wired to the real process (tsup adds the shebang). */
import { open, readFile, writeFile } from 'node:fs/promises';
import { runCli } from './run.js';

async function readStdin(): Promise<string> {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk as string;
  return text;
}

// A reader that closes the pipe early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  async writeFileChunks(path, chunks) {
    const file = await open(path, 'w');
    try {
      for (const chunk of chunks) await file.write(chunk, null, 'utf8');
    } finally {
      await file.close();
    }
  },
  isTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
  // The one clock read of the command line: it only paces the progress bar.
  now: () => performance.now(),
  env: process.env,
  onInterrupt(handler) {
    let presses = 0;
    // The first Ctrl-C asks the planner to stop with its best plan; the second quits.
    const listener = () => (presses++ === 0 ? handler() : process.exit(130));
    process.on('SIGINT', listener);
    return () => void process.off('SIGINT', listener);
  },
}).then(
  (code) => {
    // exitCode, not exit(): let a large plan finish flushing to a pipe first.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
