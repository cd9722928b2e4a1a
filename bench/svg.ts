/**
 * Hand-written SVG charts for docs/performance.md (no dependencies): time against size on
 * log–log axes, and the planner's anytime curve (best objective against elapsed seconds).
 */

export interface Point {
  x: number;
  y: number;
  /** Shown beside the marker. */
  label?: string;
  /** A hollow marker: the value is a lower limit (the run did not finish). */
  open?: boolean;
}

export interface Series {
  name: string;
  color: string;
  points: Point[];
  dashed?: boolean;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const r1 = (n: number) => Math.round(n * 10) / 10;

function fmt(n: number): string {
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 1e6) return `${r1(n / 1e6)}M`;
  if (a >= 1e3) return `${r1(n / 1e3)}k`;
  if (a >= 1) return `${Math.round(n * 100) / 100}`;
  return `${Number(n.toPrecision(2))}`;
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${r1(x)}" y="${r1(y)}" ${attrs}>${esc(s)}</text>`;
}

/** Nice round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (max <= min) max = min + 1;
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** A tick label with as many digits as the step needs (27,450 rather than 27.5k). */
function tickLabel(v: number, step: number): string {
  if (step >= 1000 && v % 1000 === 0) return fmt(v);
  const decimals = Number.isInteger(step) ? 0 : (String(Number(step.toPrecision(6))).split('.')[1]?.length ?? 0);
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

function legend(series: readonly Series[], x: number, y: number): string {
  return series
    .map((s, i) => {
      const yy = y + i * 18;
      return `<line x1="${x}" y1="${yy}" x2="${x + 22}" y2="${yy}" stroke="${s.color}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>${text(x + 28, yy + 4, s.name, `${FONT} font-size="12" fill="#222"`)}`;
    })
    .join('');
}

/** Time against size on log–log axes, with a dotted slope-1 guide (linear growth) through `guideThrough`. */
export function logLogChart(options: { title: string; xLabel: string; yLabel: string; series: Series[]; guideThrough?: { x: number; y: number } }): string {
  const W = 720;
  const H = 460;
  const f: Frame = { left: 80, top: 50, width: W - 80 - 90, height: H - 50 - 60 };
  const all = options.series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  const lo = (v: number) => 10 ** Math.floor(Math.log10(v));
  const hi = (v: number) => 10 ** Math.ceil(Math.log10(v) + 1e-9);
  const xMin = lo(Math.min(...all.map((p) => p.x)));
  const xMax = Math.max(hi(Math.max(...all.map((p) => p.x))), xMin * 10);
  const yMin = lo(Math.min(...all.map((p) => p.y)));
  const yMax = Math.max(hi(Math.max(...all.map((p) => p.y))), yMin * 10);
  const X = (v: number) => f.left + ((Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * f.width;
  const Y = (v: number) => f.top + f.height - ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * f.height;
  const out: string[] = [];
  out.push(`<rect x="${f.left}" y="${f.top}" width="${f.width}" height="${f.height}" fill="#fff" stroke="#999"/>`);
  for (const [min, max, axis] of [[xMin, xMax, 'x'], [yMin, yMax, 'y']] as const) {
    for (let d = min; d <= max * 1.0001; d *= 10) {
      for (const m of [1, 2, 5]) {
        const v = d * m;
        if (v > max * 1.0001) break;
        const major = m === 1;
        const stroke = major ? '#ccc' : '#eee';
        if (axis === 'x') {
          out.push(`<line x1="${r1(X(v))}" y1="${f.top}" x2="${r1(X(v))}" y2="${f.top + f.height}" stroke="${stroke}"/>`);
          if (major || m === 5) out.push(text(X(v), f.top + f.height + 16, fmt(v), `${FONT} font-size="11" text-anchor="middle" fill="#444"`));
        } else {
          out.push(`<line x1="${f.left}" y1="${r1(Y(v))}" x2="${f.left + f.width}" y2="${r1(Y(v))}" stroke="${stroke}"/>`);
          if (major || m === 5) out.push(text(f.left - 6, Y(v) + 4, fmt(v), `${FONT} font-size="11" text-anchor="end" fill="#444"`));
        }
      }
    }
  }
  if (options.guideThrough) {
    const g = options.guideThrough;
    const x1 = xMin;
    const x2 = xMax;
    const clampY = (x: number) => Math.min(yMax, Math.max(yMin, (g.y * x) / g.x));
    const xAt = (y: number) => (y * g.x) / g.y;
    const a = { x: Math.max(x1, xAt(yMin)), y: clampY(Math.max(x1, xAt(yMin))) };
    const b = { x: Math.min(x2, xAt(yMax)), y: clampY(Math.min(x2, xAt(yMax))) };
    out.push(`<line x1="${r1(X(a.x))}" y1="${r1(Y(a.y))}" x2="${r1(X(b.x))}" y2="${r1(Y(b.y))}" stroke="#888" stroke-dasharray="2 4"/>`);
  }
  options.series.forEach((s, k) => {
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0).sort((a, b) => a.x - b.x);
    if (pts.length > 1) {
      out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${pts.map((p) => `${r1(X(p.x))},${r1(Y(p.y))}`).join(' ')}"/>`);
    }
    for (const p of pts) {
      out.push(`<circle cx="${r1(X(p.x))}" cy="${r1(Y(p.y))}" r="4.5" fill="${p.open ? '#fff' : s.color}" stroke="${s.color}" stroke-width="2"/>`);
      // first series labelled above its markers, the others below, so that equal times stay legible
      if (p.label) out.push(text(X(p.x) + 8, Y(p.y) + (k === 0 ? -8 : 17), p.label, `${FONT} font-size="11" fill="${s.color}"`));
    }
  });
  out.push(text(f.left + f.width / 2, H - 18, options.xLabel, `${FONT} font-size="13" text-anchor="middle" fill="#222"`));
  out.push(text(22, f.top + f.height / 2, options.yLabel, `${FONT} font-size="13" text-anchor="middle" fill="#222" transform="rotate(-90 22 ${f.top + f.height / 2})"`));
  out.push(text(W / 2, 28, options.title, `${FONT} font-size="15" font-weight="600" text-anchor="middle" fill="#111"`));
  const gy = f.top + 24 + options.series.length * 18;
  const guide = options.guideThrough
    ? `<line x1="${f.left + 20}" y1="${gy}" x2="${f.left + 42}" y2="${gy}" stroke="#888" stroke-dasharray="2 4"/>${text(f.left + 48, gy + 4, 'linear growth', `${FONT} font-size="12" fill="#555"`)}`
    : '';
  const boxH = (options.series.length + (options.guideThrough ? 1 : 0)) * 18 + 10;
  out.push(`<rect x="${f.left + 10}" y="${f.top + 10}" width="150" height="${boxH}" fill="#fff" stroke="#ccc"/>`);
  out.push(legend(options.series, f.left + 20, f.top + 24) + guide);
  return svg(W, H, out);
}

/** Stacked step charts sharing the time axis: one panel per objective component. */
export function anytimeChart(options: {
  title: string;
  xLabel: string;
  panels: { yLabel: string; series: Series[] }[];
}): string {
  const W = 720;
  const panelH = 200;
  const gap = 50;
  const top = 50;
  const H = top + options.panels.length * (panelH + gap) + 20;
  const left = 90;
  const width = W - left - 190;
  const allX = options.panels.flatMap((p) => p.series.flatMap((s) => s.points.map((q) => q.x)));
  const xTicks = niceTicks(0, Math.max(...allX, 1e-3), 6);
  const xMax = xTicks[xTicks.length - 1]!;
  const X = (v: number) => left + (v / xMax) * width;
  const out: string[] = [text(W / 2, 28, options.title, `${FONT} font-size="15" font-weight="600" text-anchor="middle" fill="#111"`)];
  options.panels.forEach((panel, k) => {
    const y0 = top + k * (panelH + gap);
    const ys = panel.series.flatMap((s) => s.points.map((p) => p.y));
    const span = Math.max(...ys) - Math.min(...ys);
    const yTicks = niceTicks(Math.min(...ys) - span * 0.05, Math.max(...ys) + span * 0.05 + 1e-9, 4);
    const yMin = yTicks[0]!;
    const yMax = yTicks[yTicks.length - 1]!;
    const Y = (v: number) => y0 + panelH - ((v - yMin) / (yMax - yMin || 1)) * panelH;
    out.push(`<rect x="${left}" y="${y0}" width="${width}" height="${panelH}" fill="#fff" stroke="#999"/>`);
    const yStep = yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : 1;
    for (const v of yTicks) {
      out.push(`<line x1="${left}" y1="${r1(Y(v))}" x2="${left + width}" y2="${r1(Y(v))}" stroke="#eee"/>`);
      out.push(text(left - 6, Y(v) + 4, tickLabel(v, yStep), `${FONT} font-size="11" text-anchor="end" fill="#444"`));
    }
    const xStep = xTicks.length > 1 ? xTicks[1]! - xTicks[0]! : 1;
    for (const v of xTicks) {
      out.push(`<line x1="${r1(X(v))}" y1="${y0}" x2="${r1(X(v))}" y2="${y0 + panelH}" stroke="#eee"/>`);
      out.push(text(X(v), y0 + panelH + 16, tickLabel(v, xStep), `${FONT} font-size="11" text-anchor="middle" fill="#444"`));
    }
    for (const s of panel.series) {
      const pts = [...s.points].sort((a, b) => a.x - b.x);
      const path: string[] = [];
      pts.forEach((p, i) => {
        if (i > 0) path.push(`${r1(X(p.x))},${r1(Y(pts[i - 1]!.y))}`);
        path.push(`${r1(X(p.x))},${r1(Y(p.y))}`);
      });
      out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${path.join(' ')}"/>`);
      const last = pts[pts.length - 1];
      if (last) out.push(`<circle cx="${r1(X(last.x))}" cy="${r1(Y(last.y))}" r="3.5" fill="${s.color}"/>`);
    }
    const mid = y0 + panelH / 2;
    out.push(text(24, mid, panel.yLabel, `${FONT} font-size="13" text-anchor="middle" fill="#222" transform="rotate(-90 24 ${mid})"`));
    out.push(legend(panel.series, left + width + 16, y0 + 12));
  });
  out.push(text(left + width / 2, H - 12, options.xLabel, `${FONT} font-size="13" text-anchor="middle" fill="#222"`));
  return svg(W, H, out);
}

function svg(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fafafa"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
