export * from './lib/forms.module';
export * from './lib/forms.repository';
export { FormsService, jurisdictionChain, type ReadPurpose, type SubmissionAccess, type SubmissionTeamCheck, type VersionView } from './lib/forms.service';
export * from './lib/national-forms-sync';
export * from './lib/load-national-forms';
export { compileSubmissionCheck, createServerFormAjv, runSubmissionCheck, type SubmissionCheck } from './lib/form-ajv';
