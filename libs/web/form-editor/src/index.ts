export { FormVariantEditorPage } from './lib/FormVariantEditorPage';
