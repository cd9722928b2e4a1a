/**
 * What the command line needs from the outside world, as one object, so tests run `runCli`
 * in-process with strings and temporary files; `main.ts` wires it to the real process.
 */
import { formatMessage, type Locale } from '../report/format.js';
import { parseJsonText } from './json-text.js';
import { cliMessages } from './messages.js';

export interface CliIo {
  /** Writes text to standard output as is (no newline added). */
  stdout(text: string): void;
  /** Writes text to standard error as is. */
  stderr(text: string): void;
  /** Reads a UTF-8 file; `"-"` is standard input. Rejects with a Node `ErrnoException`. */
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /**
   * Writes a file from pieces of text, in order, without joining them first (a plan of a
   * province's year is hundreds of megabytes of text). Absent: the pieces are joined and given
   * to `writeFile`.
   */
  writeFileChunks?(path: string, chunks: Iterable<string>): Promise<void>;
  /** Whether standard error is a terminal: the progress bar, the summary and colours there appear only then. */
  isTTY: boolean;
  /** Whether standard output is a terminal: text there (not JSON) is coloured only then. Default: false. */
  stdoutIsTTY?: boolean;
  /** The terminal's width in columns, for the progress bar. Default: 80. */
  columns?: number;
  /** A monotonic clock (ms) to throttle the progress bar; only `main.ts` reads the real one. */
  now?(): number;
  /**
   * Environment variables; `JOINT_INSPECTION_DEBUG`, `JOINT_INSPECTION_LOCALE` (the locale without
   * `--locale`), `NO_COLOR` and `TERM` are read. Default: none.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Calls `handler` on Ctrl-C until the returned function is called. The planner then stops
   * early with the best plan so far. Absent in tests.
   */
  onInterrupt?(handler: () => void): () => void;
}

/**
 * One problem with an input file. `path` is the JSON path inside the document (`""` for the
 * document itself); absent when the file could not be read or parsed at all.
 */
export interface Problem {
  file: string;
  path?: string;
  line?: number;
  column?: number;
  code: string;
  message: string;
}

/** How a file is named in messages. */
export const displayName = (path: string): string => (path === '-' ? '<stdin>' : path);

function errnoReason(error: unknown, locale: Locale): string {
  const code = (error as { code?: unknown }).code;
  const key = typeof code === 'string' && cliMessages.en[`errno_${code}`] ? `errno_${code}` : 'errno_other';
  return formatMessage(cliMessages, locale, key, { detail: error instanceof Error ? error.message : String(error) });
}

/** Writes pieces of text to standard output, in order. */
export function stdoutChunks(io: CliIo, chunks: Iterable<string>): void {
  for (const chunk of chunks) io.stdout(chunk);
}

/** Whether an exception is a file-system failure (has an errno code) rather than a bug. */
export function isErrnoError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

export type JsonInput = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Reads and parses one JSON file; file-system errors and syntax errors become problems. */
export async function readJsonInput(io: CliIo, path: string, locale: Locale): Promise<JsonInput> {
  const file = displayName(path);
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    if (!isErrnoError(error)) throw error;
    return { ok: false, problems: [{ file, code: 'read_failed', message: formatMessage(cliMessages, locale, 'read_failed', { reason: errnoReason(error, locale) }) }] };
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed;
  const { line, column, code, details } = parsed.error;
  const problem = formatMessage(cliMessages, locale, code, details);
  return { ok: false, problems: [{ file, line, column, code: 'invalid_json', message: formatMessage(cliMessages, locale, 'json_syntax', { problem }) }] };
}

/** Writes a file (text, or pieces of it), turning a file-system error into a problem. */
export async function writeOutput(io: CliIo, path: string, text: string | Iterable<string>, locale: Locale): Promise<Problem | undefined> {
  try {
    if (typeof text === 'string') await io.writeFile(path, text);
    else if (io.writeFileChunks) await io.writeFileChunks(path, text);
    else await io.writeFile(path, [...text].join(''));
    return undefined;
  } catch (error) {
    if (!isErrnoError(error)) throw error;
    return { file: path, code: 'write_failed', message: formatMessage(cliMessages, locale, 'write_failed', { reason: errnoReason(error, locale) }) };
  }
}
