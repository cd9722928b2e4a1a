/**
 * The plan as a CSV list for publication (一公开): one row per visit. Officer names are
 * personal data and unannounced checks must stay unannounced, so both are left out unless
 * asked for. UTF-8 with a byte-order mark (spreadsheet software then reads the Chinese
 * correctly), CRLF line ends, RFC 4180 quoting, and a guard against spreadsheet formulas.
 */
import { formatMessage, type Locale } from '../report/format.js';
import { exportMessages } from './locales.js';
import { isObject, localeOption, readExportInput, type VisitView } from './input.js';
import { basisWord } from './terms.js';

/**
 * Options of `exportCsv`.
 * @example
 * const csv = exportCsv(scenario, plan, { withOfficers: true, locale: 'zh-CN' } satisfies CsvExportOptions);
 */
export interface CsvExportOptions {
  /** Add a column with the officers' names (personal data). Default `false`. */
  withOfficers?: boolean;
  /** Keep visits with an `exclusive` (unannounced) occurrence. Default `false`. */
  includeUnannounced?: boolean;
  /**
   * Prefix a `'` to any cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return,
   * so spreadsheet software shows it as text instead of running it as a formula. Default `true`.
   */
  formulaGuard?: boolean;
  /** Language of the header row and the basis words. Default `zh-CN`. */
  locale?: Locale;
}

/**
 * The defaults of `CsvExportOptions`.
 * @example
 * defaultCsvExportOptions.locale; // 'zh-CN'
 */
export const defaultCsvExportOptions: Required<CsvExportOptions> = {
  withOfficers: false,
  includeUnannounced: false,
  formulaGuard: true,
  locale: 'zh-CN',
};

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when it holds a comma, a quote, CR or LF (RFC 4180 §2.6), quotes doubled.
 * @example
 * csvField('a,b');       // '"a,b"'
 * csvField('a "b"');    // the quotes doubled, the field quoted
 * csvField('=SUM(A1)');  // "'=SUM(A1)" (a formula shown as text)
 */
export function csvField(value: string, formulaGuard = true): string {
  const text = formulaGuard && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The publication list: date, time, enterprise (name and id), lead and participating
 * departments, items, basis (and officers when asked), sorted by date and time.
 * Throws `ScenarioError` / `PlanError` for bad input; never mutates its arguments.
 * @example
 * const csv = exportCsv(scenario, plan);                     // 一公开: no officers, no unannounced checks
 * writeFileSync('plan.csv', csv);                            // the BOM is part of the string
 * exportCsv(scenario, plan, { withOfficers: true, locale: 'en' });
 */
export function exportCsv(scenario: unknown, plan: unknown, options: CsvExportOptions = {}): string {
  const locale = localeOption(options);
  const o = isObject(options) ? options : {};
  const withOfficers = o.withOfficers === true;
  const includeUnannounced = o.includeUnannounced === true;
  const guard = o.formulaGuard !== false;
  const input = readExportInput(scenario, plan, locale);
  const t = (key: string) => formatMessage(exportMessages, locale, key);
  const sep = t('list');
  const header = ['csv.date', 'csv.time', 'csv.enterprise', 'csv.enterpriseId', 'csv.lead', 'csv.departments', 'csv.items', 'csv.basis'].map(t);
  if (withOfficers) header.push(t('csv.officers'));
  const row = (v: VisitView): string[] => {
    const cells = [
      v.visit.date,
      `${v.visit.start}-${v.visit.end}`,
      v.enterprise.name,
      v.enterprise.id,
      input.label('department', v.lead.id),
      v.departments.map((d) => input.label('department', d.id)).join(sep),
      v.items.map((i) => i.name).join(sep),
      v.bases.map((b) => basisWord(b, locale)).join(sep),
    ];
    if (withOfficers) cells.push(v.officers.map((p) => input.label('inspector', p.id)).join(sep));
    return cells;
  };
  const rows = input.visits.filter((v) => includeUnannounced || !v.unannounced).map(row);
  return BOM + [header, ...rows].map((cells) => cells.map((c) => csvField(c, guard)).join(',') + '\r\n').join('');
}
