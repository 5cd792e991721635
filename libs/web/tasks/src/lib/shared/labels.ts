import { PROCESS_SETTINGS_DEFINITIONS, isProcessKey } from '@gugus/contracts';
import type { Language } from '@gugus/web-i18n';

/** Steps of the processes that exist so far, each with a name in the `tasks` namespace. */
export const KNOWN_STEPS = [
  'agenda',
  'rsvp',
  'minutes',
  'minutes-approval',
  'action-point',
  'plenary-overdue',
  'section',
  'section-revision',
  'member-comment',
  'legal-review',
  'decree',
  'integration',
  'budget-approval',
  'progress',
  'annual-evaluation',
  'annual-report',
  'annual-report-part',
  'annual-report-review',
  'annual-report-approval',
  'annual-report-plenary',
  'annual-report-release',
  'final-report-part',
  'final-report',
  'final-report-review',
  'final-report-approval',
  'final-report-plenary',
  'final-report-release',
  'intake',
  'screening',
  'immediate-protection',
  'conference',
  'conference-action',
  'referral-response',
  're-referral',
  'service-outcome',
  'reintegration-plan',
  'reunification',
  'follow-up',
  'closure',
  'regency-report',
  'regency-report-part',
  'regency-report-review',
  'province-report',
  'province-report-review',
  'national-report',
] as const;
export type KnownStep = (typeof KNOWN_STEPS)[number];

export const isKnownStep = (step: string): step is KnownStep => (KNOWN_STEPS as readonly string[]).includes(step);

/** A process's name in the reader's language, or its key when this version of the app does not know it. */
export function processName(processKey: string, language: Language): string {
  return isProcessKey(processKey) ? PROCESS_SETTINGS_DEFINITIONS[processKey].title[language] : processKey;
}

/** The processes the inbox can be filtered by. */
export const PROCESS_OPTIONS = Object.keys(PROCESS_SETTINGS_DEFINITIONS);
