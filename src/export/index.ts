/** Exports of a plan: the publication CSV (一公开), iCalendar files, the HTML preview. */
export { exportCsv, csvField, defaultCsvExportOptions, type CsvExportOptions } from './csv.js';
export { exportIcs, defaultIcsExportOptions, type IcsExportOptions, type IcsExport, type IcsFile, type IcsOwnerKind } from './ics.js';
export { renderPreview, defaultPreviewOptions, type PreviewOptions } from './preview.js';
export { ExportError } from './errors.js';
export { DEFAULT_EXPORT_LOCALE } from './input.js';
