import type { CaseStage } from '@gugus/contracts';
import { screeningFields, ScreeningResult, type ScreeningInput } from './screening';

/**
 * The stage a case moves to once its screening result is recorded (PRODUCT §3.2 steps 2–3):
 * - a presumed victim is treated as a victim at once: `protection` (immediate protection);
 * - a referral for official determination stays in `screening`: identification goes on (the
 *   determination interview, held once the person is in a safe place);
 * - "not a case" moves to `referral`: the person was referred elsewhere (`otherReferral`). The record
 *   stays open — no screening result closes it (`afterScreening().closesRecord` is never true).
 * Null for a result that is not in the `screening-results` list.
 */
export function stageAfterScreening(result: ScreeningResult): CaseStage | null {
  switch (result) {
    case ScreeningResult.PRESUMED_VICTIM:
      return 'protection';
    case ScreeningResult.REFER_FOR_DETERMINATION:
      return 'screening';
    case ScreeningResult.NOT_A_CASE:
      return 'referral';
    default:
      return null;
  }
}

/**
 * The immediate-need codes a screening recorded (`immediateNeeds`, codes of the `case-immediate-needs`
 * option list or a province's extension of it), in the order recorded, each once; blank or malformed
 * entries are skipped. Codes only: they say what is needed, never about whom.
 */
export function immediateNeedCodes(answers: ScreeningInput): string[] {
  const needs = screeningFields(answers)['immediateNeeds'];
  if (!Array.isArray(needs)) return [];
  const codes = needs.filter((code): code is string => typeof code === 'string' && code.trim() !== '').map((code) => code.trim());
  return [...new Set(codes)];
}
