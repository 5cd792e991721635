/** The plan-of-action process as the tasks know it (`processKey` of every plan task). */
export const PLAN_PROCESS_KEY = 'plan-of-action';

/** The legal reviewer's decision step (approve, or return with comments). */
export const isLegalReviewStep = (step: string): boolean => step === 'legal-review';
