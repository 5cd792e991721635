import type { BilingualText } from '@gugus/contracts';

// What must stand before a referral to some services may go (PRODUCT.md §3.2 steps 4 and 8): consular
// notification only with the person's consent (seed 003 L830), and a return only voluntary — with the
// person's consent to return (seed 003 L2124-2139). Consent statuses come from `consentState`.

/** The consent purpose a service needs granted before it may be referred to, if any. */
export const SERVICE_CONSENT: Readonly<Record<string, { purpose: string; why: BilingualText }>> = {
  immigration_consular: {
    purpose: 'consular_notification',
    why: {
      id: 'perwakilan negara asal hanya boleh diberi tahu dengan persetujuan yang bersangkutan (notifikasi konsuler)',
      en: "the country of origin's consulate may be notified only with the person's consent (consular notification)",
    },
  },
  family_tracing: {
    purpose: 'family_contact',
    why: { id: 'keluarga hanya boleh dihubungi dengan persetujuan yang bersangkutan (kontak keluarga)', en: "the family may be contacted only with the person's consent (family contact)" },
  },
  repatriation: {
    purpose: 'return',
    why: { id: 'pemulangan hanya dengan persetujuan yang bersangkutan untuk kembali (sukarela)', en: "return only with the person's consent to return (voluntary)" },
  },
};

/**
 * Why a referral to `serviceType` may not go yet, given the status of each consent purpose today
 * (`granted`, `declined`, `withdrawn`, `expired`, `none`); null when it may.
 */
export function referralConsentProblem(serviceType: string, statusOf: (purpose: string) => string): BilingualText | null {
  const rule = SERVICE_CONSENT[serviceType];
  if (!rule || statusOf(rule.purpose) === 'granted') return null;
  return { id: `Belum dapat dirujuk: ${rule.why.id}; catat persetujuannya dulu.`, en: `Cannot be referred yet: ${rule.why.en}; record that consent first.` };
}

/** What the case knows of a child and of the family assessment (from the screening and the reintegration plan). */
export interface FamilyContactFacts {
  /** A child, or a person whose age is in doubt (treated as a child). */
  child: boolean;
  /** The family assessment of the latest reintegration plan, if one was recorded: `familyInvolvementSuspected` as a `case-tri-state` code. */
  familyAssessment: { familyInvolvementSuspected: string | null } | null;
}

/**
 * Why a child's family may not be contacted yet through a referral (family tracing): a family assessment
 * must come first, and a suspicion that the family was involved in the trafficking blocks contact
 * (PRODUCT.md §3.2 step 8; seed 003 L825, seed 004 L185). Null when it may go (and for adults, whose
 * family contact follows their own consent).
 */
export function familyContactProblem(serviceType: string, facts: FamilyContactFacts): BilingualText | null {
  if (serviceType !== 'family_tracing' || !facts.child) return null;
  if (!facts.familyAssessment) {
    return { id: 'Keluarga anak belum boleh dihubungi: lakukan asesmen keluarga dulu (dicatat dalam rencana reintegrasi).', en: "The child's family may not be contacted yet: assess the family first (recorded in the reintegration plan)." };
  }
  if (facts.familyAssessment.familyInvolvementSuspected !== 'no') {
    return {
      id: 'Keluarga anak tidak dihubungi: keterlibatan keluarga dalam perdagangan orang diduga atau belum dapat disingkirkan menurut asesmen keluarga.',
      en: "The child's family is not contacted: the family assessment suspects, or cannot rule out, the family's involvement in the trafficking.",
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Return (PRODUCT.md §3.2 step 8, foreign national path): voluntary and safe only, after an assessment of
// fear of return, of the risk of serious harm (non-refoulement) and of statelessness.

/** The answers of a `return-assessment` form the rule reads (codes of `case-tri-state` and `case-return-recommendations`). */
export interface ReturnAssessmentFacts {
  returnWish?: unknown;
  fearOfReturn?: unknown;
  seriousHarmRisk?: unknown;
  possiblyStateless?: unknown;
  recommendation?: unknown;
}

/** Why a return may not be arranged, in codes. */
export const RETURN_BLOCKS = ['not_voluntary', 'fear_of_return', 'serious_harm', 'stateless', 'not_recommended'] as const;
export type ReturnBlock = (typeof RETURN_BLOCKS)[number];

export interface ReturnOutcome {
  /** A referral for repatriation may go (with the person's consent to return). */
  returnAllowed: boolean;
  blocks: ReturnBlock[];
  /** What to offer instead: international protection (asylum, statelessness) when the person fears return, risks serious harm or may be stateless. */
  offer: 'international_protection' | null;
}

/**
 * What an assessment before return allows: a return only when the person wishes it, does not fear it,
 * runs no risk of serious harm (an unknown answer counts as a risk: non-refoulement), is not possibly
 * stateless, and the assessor recommends it. A fear, a risk or statelessness offers a referral for
 * international protection instead.
 */
export function returnOutcome(a: ReturnAssessmentFacts): ReturnOutcome {
  const blocks: ReturnBlock[] = [];
  if (a.returnWish !== 'yes') blocks.push('not_voluntary');
  if (a.fearOfReturn !== 'no') blocks.push('fear_of_return');
  if (a.seriousHarmRisk !== 'no') blocks.push('serious_harm');
  if (a.possiblyStateless === 'yes') blocks.push('stateless');
  if (a.recommendation !== 'voluntary_return') blocks.push('not_recommended');
  const protect = blocks.includes('fear_of_return') || blocks.includes('serious_harm') || blocks.includes('stateless');
  return { returnAllowed: blocks.length === 0, blocks, offer: protect ? 'international_protection' : null };
}

const BLOCK_TEXT: Record<ReturnBlock, BilingualText> = {
  not_voluntary: { id: 'yang bersangkutan tidak (atau belum pasti) ingin kembali', en: 'the person does not (or not surely) wish to return' },
  fear_of_return: { id: 'yang bersangkutan takut kembali (atau belum diketahui)', en: 'the person fears return (or it is not known)' },
  serious_harm: { id: 'ada (atau belum disingkirkan) risiko bahaya serius bila dipulangkan (non-refoulement)', en: 'a risk of serious harm on return exists or is not ruled out (non-refoulement)' },
  stateless: { id: 'yang bersangkutan mungkin tanpa kewarganegaraan', en: 'the person may be stateless' },
  not_recommended: { id: 'penilai tidak merekomendasikan pemulangan', en: 'the assessor does not recommend return' },
};

/**
 * Why a referral to `serviceType` for a return may not go, from the latest assessment before return
 * (null: none recorded yet); null when it may (the consent to return is checked by `referralConsentProblem`).
 */
export function returnProblem(serviceType: string, latest: ReturnAssessmentFacts | null): BilingualText | null {
  if (serviceType !== 'repatriation') return null;
  if (!latest) {
    return {
      id: 'Belum dapat dirujuk: pemulangan hanya setelah penilaian takut kembali, risiko bahaya serius (non-refoulement) dan kewarganegaraan; catat penilaian itu dulu.',
      en: 'Cannot be referred yet: a return only after an assessment of fear of return, risk of serious harm (non-refoulement) and nationality; record that assessment first.',
    };
  }
  const outcome = returnOutcome(latest);
  if (outcome.returnAllowed) return null;
  const why = outcome.blocks.map((b) => BLOCK_TEXT[b]);
  const instead = outcome.offer ? { id: '; rujuk ke perlindungan internasional (suaka) sebagai gantinya', en: '; refer for international protection (asylum) instead' } : { id: '', en: '' };
  return { id: `Pemulangan tidak dapat dirujuk: ${why.map((w) => w.id).join('; ')}${instead.id}.`, en: `A return cannot be referred: ${why.map((w) => w.en).join('; ')}${instead.en}.` };
}
