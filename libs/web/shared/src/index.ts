// Small pieces several feature libraries show: they need data or the reader's language, so not `web-ui`.
export { ApiErrorAlert, type ApiErrorAlertProps } from './lib/ApiErrorAlert';
export { JurisdictionSelect, type JurisdictionSelectProps } from './lib/JurisdictionSelect';
export { fieldLabel } from './lib/fieldLabel';
export { saveFile } from './lib/saveFile';
