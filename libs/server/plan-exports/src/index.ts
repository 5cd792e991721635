export type { PlanExportInput } from './lib/plan-export-input';
export { planPdf } from './lib/plan-pdf';
export { planXlsx } from './lib/plan-xlsx';
export { budgetSourceLabel } from './lib/labels';
