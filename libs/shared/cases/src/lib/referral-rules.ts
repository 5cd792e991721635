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
