/**
 * ANSI colours for the command line's own text, only where a person reads it: on a terminal,
 * and not when `NO_COLOR` is set to a non-empty value (https://no-color.org) or `TERM=dumb`.
 * JSON output is never coloured.
 */

/** Colours a piece of text; the identity when colours are off. */
export type Paint = (text: string) => string;

export interface Palette {
  /** Whether the paints add escape codes. */
  readonly enabled: boolean;
  /** Violations and problems. */
  readonly error: Paint;
  /** Warnings. */
  readonly warning: Paint;
  /** Summaries and "no violations". */
  readonly success: Paint;
  /** The filled part of the progress bar. */
  readonly accent: Paint;
  /** Secondary text: the unfilled part of the bar, locations. */
  readonly dim: Paint;
}

const plain: Paint = (text) => text;

/** No colours: what pipes, files and tests get. */
export const PLAIN: Palette = { enabled: false, error: plain, warning: plain, success: plain, accent: plain, dim: plain };

const sgr =
  (on: number, off: number): Paint =>
  (text) =>
    text === '' ? text : `\x1b[${on}m${text}\x1b[${off}m`;

const ANSI: Palette = { enabled: true, error: sgr(31, 39), warning: sgr(33, 39), success: sgr(32, 39), accent: sgr(36, 39), dim: sgr(2, 22) };

/** Whether a stream that is (or is not) a terminal gets colours under this environment. */
export function coloursWanted(isTTY: boolean, env: Readonly<Record<string, string | undefined>> | undefined): boolean {
  if (!isTTY) return false;
  const noColor = env?.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return env?.TERM !== 'dumb';
}

/** The palette for a stream: ANSI when `coloursWanted`, else `PLAIN`. */
export function paletteFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>> | undefined): Palette {
  return coloursWanted(isTTY, env) ? ANSI : PLAIN;
}
