export type { PlanExportInput } from './lib/plan-export-input';
export { planPdf } from './lib/plan-pdf';
export { planXlsx } from './lib/plan-xlsx';
export { budgetSourceLabel } from './lib/labels';
// The table layout and the text sanitiser, shared with the other PDF documents (the annual figures).
export { PdfTable, type Doc, type TableColumn, type TableRow, type TableStyle } from './lib/pdf-table';
export { winAnsi } from './lib/win-ansi';
