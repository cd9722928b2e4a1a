/**
 * The progress bar of `plan` on a terminal's standard error, driven by the planner's
 * `onProgress`: one line redrawn in place with `\r`, at most every `intervalMs` (a new phase
 * and the end are drawn at once), never wider than the terminal, cleared at the end.
 * The clock comes from the caller (`CliIo.now`, wired in `main.ts`): without one, every
 * change is drawn.
 */
import { formatMessage, type Locale } from '../report/format.js';
import type { PlanProgress } from '../solver/options.js';
import { PLAIN, type Palette } from './colour.js';
import { cliMessages } from './messages.js';

export interface ProgressBarOptions {
  locale: Locale;
  palette?: Palette;
  /** A monotonic clock in milliseconds, for throttling. */
  now?: () => number;
  /** The terminal's width; default 80. */
  columns?: number;
  /** The least time between two redraws of the same phase; default 100 ms. */
  intervalMs?: number;
}

export interface ProgressBar {
  update(progress: PlanProgress): void;
  /** Erases the line, if one is shown. */
  clear(): void;
}

/** Cells of the bar itself. */
export const BAR_CELLS = 20;

const t = (locale: Locale, code: string, details: Record<string, unknown> = {}) => formatMessage(cliMessages, locale, code, details);

/** Terminal cells a character takes: 2 for CJK and full-width forms, else 1. */
function cellsOf(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The terminal cells a text without escape codes takes. */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const ch of text) cells += cellsOf(ch.codePointAt(0) ?? 0);
  return cells;
}

/** The text cut to at most `cells` terminal cells, ending in `…` when cut. */
export function fitWidth(text: string, cells: number): string {
  if (displayWidth(text) <= cells) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = cellsOf(ch.codePointAt(0) ?? 0);
    if (used + w > cells - 1) break;
    out += ch;
    used += w;
  }
  return cells > 0 ? out + '…' : '';
}

/** The bar's cells for a fraction 0…1: filled, then empty. */
function barCells(fraction: number): { filled: number; empty: number } {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * BAR_CELLS);
  return { filled, empty: BAR_CELLS - filled };
}

/** The percentage shown: 0…100, rounded down (100 only at the end). */
function percentOf(fraction: number): number {
  return Number.isFinite(fraction) ? Math.max(0, Math.min(100, Math.floor(fraction * 100))) : 0;
}

/**
 * One line, without `\r`: `正在编排 [██████░░░…]  45% 优化 · 当前最优：…`, at most `columns`
 * cells wide (the text after the bar is cut first).
 */
export function formatProgressLine(p: PlanProgress, locale: Locale, palette: Palette = PLAIN, columns = 80): string {
  const label = t(locale, 'progress_label');
  const { filled, empty } = barCells(p.fraction);
  const bar = `[${palette.accent('█'.repeat(filled))}${palette.dim('░'.repeat(empty))}]`;
  const percent = `${String(percentOf(p.fraction)).padStart(3)}%`;
  const phase = cliMessages.en[`phase_${p.phase}`] ? t(locale, `phase_${p.phase}`) : p.phase;
  const rest = p.best ? `${phase} · ${t(locale, 'progress_best', p.best)}` : phase;
  const headCells = displayWidth(label) + 1 + BAR_CELLS + 2 + 1 + percent.length + 1;
  // One cell is left free: a line that fills the last column makes some terminals wrap.
  const room = columns - 1 - headCells;
  if (room < 0) return fitWidth(`${percent} ${phase}`, Math.max(0, columns - 1));
  return `${label} ${bar} ${percent} ${fitWidth(rest, room)}`;
}

/** A progress bar writing to `write` (standard error on a terminal). */
export function progressBar(write: (text: string) => void, options: ProgressBarOptions): ProgressBar {
  const { locale, palette = PLAIN, now, columns = 80, intervalMs = 100 } = options;
  let shown = '';
  let shownPhase = '';
  let drawnAt = -Infinity;
  return {
    update(p) {
      const text = formatProgressLine(p, locale, palette, columns);
      if (text === shown) return;
      const time = now?.();
      const urgent = p.phase !== shownPhase || p.fraction >= 1;
      if (!urgent && time !== undefined && time - drawnAt < intervalMs) return;
      shown = text;
      shownPhase = p.phase;
      if (time !== undefined) drawnAt = time;
      write(`\r${text}\x1b[K`);
    },
    clear() {
      if (shown === '') return;
      shown = '';
      shownPhase = '';
      write('\r\x1b[K');
    },
  };
}
