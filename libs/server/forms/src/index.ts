export * from './lib/forms.module';
export * from './lib/forms.repository';
export * from './lib/national-forms-sync';
export * from './lib/load-national-forms';
