export { FillFormPage } from './lib/pages/FillFormPage';
export { FormsListPage } from './lib/pages/FormsListPage';
export { SubmissionPage } from './lib/pages/SubmissionPage';
export { checkFormData } from './lib/schema-form/check';
export { SchemaForm, type SchemaFormProps } from './lib/schema-form/SchemaForm';
export type { FormData } from './lib/schema-form/validator';
export { canEditVariant } from './lib/shared/grants';
export { formPaths } from './lib/shared/paths';
