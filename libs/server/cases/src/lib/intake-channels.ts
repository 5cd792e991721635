import { OPTION_LISTS } from '@gugus/forms';

/**
 * How a case can come in: the codes of the national `referral-sources` option list, the one the
 * case-intake form's `referralSource` uses, so reports by channel line up with the forms.
 */
export const INTAKE_CHANNELS: readonly string[] = (OPTION_LISTS.get('referral-sources')?.options ?? []).map((o) => o.code);
if (!INTAKE_CHANNELS.length) throw new Error('Option list referral-sources is missing from the national form library');
