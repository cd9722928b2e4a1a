/**
 * The plan as one self-contained HTML page for the people who coordinate it: a month
 * calendar of visits per day, a heat map of visits per department per ISO week, the
 * unscheduled occurrences by reason, the visits saved by joint planning, and every visit's
 * team and items on demand (`<details>`). Inline CSS and SVG only: no script, no network.
 * It names officers and shows unannounced checks: an internal document, not a publication.
 */
import { format } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { formatDay } from '../calendar/civil.js';
import { formatMessage, type Locale } from '../report/format.js';
import { isObject, localeOption, readExportInput, type ExportInput, type VisitView } from './input.js';
import { exportMessages } from './locales.js';
import { localDate, monthGrids, previewData, type PreviewData } from './preview-data.js';
import { basisWord, reasonTitle } from './terms.js';

/**
 * Options of `renderPreview`.
 * @example
 * const html = renderPreview(scenario, plan, { locale: 'en' } satisfies PreviewOptions);
 */
export interface PreviewOptions {
  /** Language of the page. Default `zh-CN`. */
  locale?: Locale;
  /** The page's title. Default: "联合检查计划预览" / "Joint inspection plan preview". */
  title?: string;
}

/**
 * The defaults of `PreviewOptions`.
 * @example
 * defaultPreviewOptions.locale; // 'zh-CN'
 */
export const defaultPreviewOptions = { locale: 'zh-CN' as Locale };

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
const e = escapeHtml;

/**
 * The preview page as an HTML string. Throws `ScenarioError` / `PlanError` for bad input;
 * never mutates its arguments. Every figure in it carries a `data-*` attribute with its value.
 * @example
 * writeFileSync('preview.html', renderPreview(scenario, plan));
 * renderPreview(scenario, plan, { locale: 'en', title: 'District plan, 2026' });
 */
export function renderPreview(scenario: unknown, plan: unknown, options: PreviewOptions = {}): string {
  const locale = localeOption(options);
  const o = isObject(options) ? options : {};
  const input = readExportInput(scenario, plan, locale);
  const data = previewData(input);
  const t = (key: string, d: Record<string, unknown> = {}) => formatMessage(exportMessages, locale, key, d);
  const title = typeof o.title === 'string' && o.title !== '' ? o.title : t('preview.title');
  const s = input.scenario;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p>${e(t('preview.horizon', { from: s.horizon.from, to: s.horizon.to, timezone: s.timezone }))}</p>
<p id="totals" data-visits="${data.totals.visits}" data-scheduled="${data.totals.scheduled}" data-offsite="${data.totals.offsite}" data-unscheduled="${data.totals.unscheduled}" data-person-visits="${data.totals.personVisits}">${e(t('preview.summary', data.totals))}</p>
<p class="note">${e(t('preview.internal'))}</p>
</header>
${savedSection(data, t)}
${calendarSection(data, locale, t)}
${heatmapSection(input, data, t)}
${unscheduledSection(input, data, t)}
${visitsSection(input, t)}
</body>
</html>
`;
}

type T = (key: string, d?: Record<string, unknown>) => string;

function savedSection(data: PreviewData, t: T): string {
  const max = Math.max(1, data.separateVisits, data.totals.visits);
  const width = 640;
  const bar = (y: number, value: number, label: string, cls: string) => {
    const w = Math.round((value / max) * (width - 240));
    return `<text x="0" y="${y + 17}">${e(label)}</text><rect class="${cls}" x="170" y="${y}" width="${w}" height="24"></rect><text x="${176 + w}" y="${y + 17}">${value}</text>`;
  };
  const percent = data.separateVisits > 0 ? ((data.saved / data.separateVisits) * 100).toFixed(1) : '0.0';
  return `<section id="saved" data-separate="${data.separateVisits}" data-visits="${data.totals.visits}" data-saved="${data.saved}" data-estimated="${data.separateEstimated}">
<h2>${e(t('preview.saved'))}</h2>
<svg width="${width}" height="70" role="img" aria-label="${e(t('preview.saved'))}">
${bar(4, data.separateVisits, t('preview.savedSeparate'), 'separate')}
${bar(40, data.totals.visits, t('preview.savedJoint'), 'joint')}
</svg>
<p class="big">${e(t('preview.savedText', { saved: data.saved, percent }))}</p>
${data.separateEstimated ? `<p class="note">${e(t('preview.savedEstimated'))}</p>` : ''}
</section>`;
}

function calendarSection(data: PreviewData, locale: Locale, t: T): string {
  const dfLocale = locale === 'en' ? enUS : zhCN;
  const max = Math.max(1, ...data.visitsPerDay.values());
  const months = monthGrids(data.from, data.to).map((grid) => {
    const month = formatDay(grid.first).slice(0, 7);
    const head = (grid.weeks[0] ?? []).map((d) => `<th>${e(format(localDate(d), 'EEEEEE', { locale: dfLocale }))}</th>`).join('');
    const rows = grid.weeks
      .map((week) => {
        const cells = week.map((day) => {
          const date = formatDay(day);
          if (date.slice(0, 7) !== month) return '<td class="pad"></td>';
          const outside = day < data.from || day > data.to;
          const n = data.visitsPerDay.get(date) ?? 0;
          const level = n === 0 ? 0 : Math.min(5, Math.ceil((n / max) * 5));
          const count = n > 0 ? `<a class="n" href="#d-${date}">${n}</a>` : '';
          return `<td class="day l${level}${outside ? ' out' : ''}" data-date="${date}" data-visits="${n}" title="${e(t('preview.dayTitle', { date, count: n }))}"><span class="dn">${Number(date.slice(8))}</span>${count}</td>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      })
      .join('\n');
    const caption = format(localDate(grid.first), t('preview.monthFormat'), { locale: dfLocale });
    return `<table class="month" data-month="${month}"><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
  });
  return `<section id="calendar">
<h2>${e(t('preview.calendar'))}</h2>
<div class="months">
${months.join('\n')}
</div>
</section>`;
}

function heatmapSection(input: ExportInput, data: PreviewData, t: T): string {
  let max = 1;
  for (const row of data.departmentWeeks.values()) for (const n of row.values()) max = Math.max(max, n);
  const manyYears = new Set(data.weeks.map((w) => w.year)).size > 1;
  const head = data.weeks
    .map((w) => `<th title="${w.key}">${e(manyYears ? w.key : t('preview.week', { week: w.week }))}</th>`)
    .join('');
  const rows = input.scenario.departments.map((d) => {
    const row = data.departmentWeeks.get(d.id) ?? new Map<string, number>();
    const cells = data.weeks.map((w) => {
      const n = row.get(w.key) ?? 0;
      const alpha = n === 0 ? 0 : 0.12 + 0.88 * (n / max);
      return `<td data-department="${e(d.id)}" data-week="${w.key}" data-count="${n}" style="background:rgba(192,57,43,${alpha.toFixed(3)})" title="${e(input.label('department', d.id))} ${w.key}: ${n}">${n > 0 ? n : ''}</td>`;
    });
    return `<tr><th scope="row">${e(input.label('department', d.id))}</th>${cells.join('')}</tr>`;
  });
  return `<section id="heatmap">
<h2>${e(t('preview.heatmap'))}</h2>
<p class="note">${e(t('preview.heatmapNote'))}</p>
<div class="scroll"><table class="heat"><thead><tr><th></th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

function unscheduledSection(input: ExportInput, data: PreviewData, t: T): string {
  const groups = data.unscheduledGroups.map(({ code, entries }) => {
    const rows = entries.map((u) => {
      const r = input.requestOf(u.occurrenceId);
      const who = r ? `${input.label('department', r.departmentId)} · ${input.label('enterprise', r.enterpriseId)}` : '';
      const reasons = u.reasons.map((x) => `<div><code>${e(x.code)}</code> ${e(x.message)}</div>`).join('');
      return `<tr data-occurrence="${e(u.occurrenceId)}"><td><code>${e(u.occurrenceId)}</code></td><td>${e(who)}</td><td>${reasons}</td></tr>`;
    });
    return `<details class="reason" data-reason="${e(code)}" data-count="${entries.length}"><summary>${e(reasonTitle(code, input.locale))} <code>${e(code)}</code> <b>${entries.length}</b></summary>
<table><thead><tr><th>${e(t('preview.occurrence'))}</th><th>${e(t('preview.request'))}</th><th>${e(t('preview.reason'))}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></details>`;
  });
  return `<section id="unscheduled" data-count="${data.totals.unscheduled}">
<h2>${e(t('preview.unscheduled'))}</h2>
<p class="note">${e(t('preview.unscheduledNote'))}</p>
${groups.length > 0 ? groups.join('\n') : `<p>${e(t('preview.none'))}</p>`}
</section>`;
}

function visitsSection(input: ExportInput, t: T): string {
  const sep = t('list');
  const byDay = new Map<string, VisitView[]>();
  for (const v of input.visits) {
    const list = byDay.get(v.visit.date);
    if (list) list.push(v);
    else byDay.set(v.visit.date, [v]);
  }
  const days = [...byDay].map(([date, visits]) => {
    const items = visits.map((v) => {
      const depts = v.departments.map((d) => input.label('department', d.id)).join(sep);
      const team = v.officers.map((p) => `${input.label('inspector', p.id)}（${input.label('department', p.departmentId)}）`).join(sep);
      const badge = v.unannounced ? ` <span class="badge">${e(t('preview.unannounced'))}</span>` : '';
      return `<details class="visit" data-visit-id="${e(v.visit.id)}" data-date="${v.visit.date}" data-officers="${v.officers.length}" data-items="${v.items.length}"><summary>${e(v.visit.start)}–${e(v.visit.end)} <b>${e(input.label('enterprise', v.enterprise.id))}</b> · ${e(depts)}${badge}</summary>
<dl><dt>${e(t('preview.team'))}</dt><dd class="team">${e(team)}</dd><dt>${e(t('preview.items'))}</dt><dd class="items">${e(v.items.map((i) => i.name).join(sep))}</dd><dt>${e(t('preview.basis'))}</dt><dd>${e(v.bases.map((b) => basisWord(b, input.locale)).join(sep))}</dd></dl></details>`;
    });
    return `<h3 id="d-${date}">${date}</h3>\n${items.join('\n')}`;
  });
  return `<section id="visits">
<h2>${e(t('preview.visits'))}</h2>
${days.length > 0 ? days.join('\n') : `<p>${e(t('preview.none'))}</p>`}
</section>`;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:14px;margin:14px 0 4px}
.note{color:#666;font-size:12px}.big{font-size:16px;font-weight:bold}
svg text{font-size:13px;fill:#222}rect.separate{fill:#b0b7c3}rect.joint{fill:#c0392b}
.months{display:flex;flex-wrap:wrap;gap:16px}
table.month{border-collapse:collapse;font-size:11px}table.month caption{font-weight:bold;padding:4px}
table.month th{color:#777;font-weight:normal;width:30px}
table.month td{width:30px;height:30px;border:1px solid #eee;vertical-align:top;position:relative;padding:1px}
td.pad{border:none}td.out{opacity:.35}.dn{color:#999;font-size:9px}
a.n{display:block;text-align:center;font-weight:bold;color:#222;text-decoration:none;font-size:12px}
td.l1{background:#fdecea}td.l2{background:#f9c9c3}td.l3{background:#f19a8f}td.l4{background:#e0675a}td.l5{background:#c0392b}td.l4 a.n,td.l5 a.n{color:#fff}
.scroll{overflow-x:auto}table.heat{border-collapse:collapse;font-size:9px}
table.heat th{font-weight:normal;white-space:nowrap;padding:1px 3px;text-align:right}
table.heat thead th{writing-mode:vertical-rl;transform:rotate(180deg);height:44px;text-align:left}
table.heat td{width:15px;height:15px;text-align:center;border:1px solid #fff;color:#222}
details{margin:2px 0}summary{cursor:pointer}details.reason table{border-collapse:collapse;font-size:12px;margin:6px 0 12px}
details.reason td,details.reason th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
details.visit{font-size:13px}details.visit dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0 8px 18px}
dt{color:#777}dd{margin:0}.badge{background:#222;color:#fff;border-radius:3px;padding:0 4px;font-size:11px}
`;
