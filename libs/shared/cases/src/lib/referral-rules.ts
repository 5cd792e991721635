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
