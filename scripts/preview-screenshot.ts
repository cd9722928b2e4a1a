/**
 * `npm run preview:screenshot`: plans the demo scenario (the one `npm run demo` shows), renders
 * the HTML preview and photographs it with Debian's `chromium` in headless mode:
 * `docs/preview.png` (the top: the visits saved, the calendar, the heat map) and
 * `docs/preview-unscheduled.png` (the unscheduled occurrences by reason, one group open).
 * Chinese needs a CJK font (`apt-get install fonts-noto-cjk`). Fails with a clear message when
 * chromium is missing (`apt-get install chromium`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateScenario } from '../bench/generator/index.js';
import { parseScenario, planSync, renderPreview } from '../src/index.js';

const SEED = 2026;
const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const docs = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs');

const probe = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.error(`preview:screenshot: cannot run "${CHROMIUM}" (${probe.error?.message ?? probe.stderr.trim()}).\nInstall Debian's chromium (apt-get install -y chromium), or set CHROMIUM to a Chromium or Chrome binary.`);
  process.exit(1);
}
const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
if (!fonts.error && fonts.stdout.trim() === '') console.warn('preview:screenshot: no Chinese font found (apt-get install -y fonts-noto-cjk); the text will show as boxes.');

const scenario = parseScenario(generateScenario({ tier: 'demo', seed: SEED }));
const plan = planSync(scenario, { seed: SEED, locale: 'zh-CN' });
const html = renderPreview(scenario, plan, { title: '红旗区 2026 年联合检查计划预览（演示数据）' });

const work = mkdtempSync(join(tmpdir(), 'joint-inspection-preview-'));
try {
  const page = join(work, 'preview.html');
  writeFileSync(page, html);
  // The unscheduled part alone, its largest group open: the same page with the other sections hidden.
  const unscheduledOnly = html
    .replace('</style>', 'section#saved,section#calendar,section#heatmap,section#visits{display:none}</style>')
    .replace('<details class="reason"', '<details open class="reason"');
  const second = join(work, 'unscheduled.html');
  writeFileSync(second, unscheduledOnly);
  shoot(page, join(docs, 'preview.png'), 1280, 1750);
  shoot(second, join(docs, 'preview-unscheduled.png'), 1280, 900);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function shoot(file: string, png: string, width: number, height: number): void {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', `--window-size=${width},${height}`, `--screenshot=${png}`, pathToFileURL(file).href];
  const run = spawnSync(CHROMIUM, args, { encoding: 'utf8', timeout: 120_000 });
  if (run.error || run.status !== 0) {
    console.error(`preview:screenshot: chromium failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr}`);
    process.exit(1);
  }
  console.log(`wrote ${png}`);
}
