import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { consentState, type ConsentDecision, type ConsentRecord } from '@gugus/cases';
import { type CaseConsentView, type CaseReadPurpose, type ConsentHistoryEntry, type ConsentRecorded } from '@gugus/contracts';
import { OPTION_LISTS, type Language } from '@gugus/forms';
import type { AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import { FormsService } from '@gugus/server-forms';
import { NotificationsService } from '@gugus/server-notifications';
import { caseFor } from './case-access';
import { CasesRepository } from './cases.repository';
import { CooperationAgreementsService } from './cooperation-agreements.service';

/** The national consent form (`forms/library/consent`); a province's variant applies where it has one. */
export const CONSENT_FORM_KEY = 'consent';
const PURPOSES: readonly string[] = (OPTION_LISTS.get('consent-purposes')?.options ?? []).map((o) => o.code);
if (!PURPOSES.length) throw new Error('Option list consent-purposes is missing from the national form library');

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The decisions of one stored consent form, as the rules read them (codes and dates; no notes). */
function toRecord(submissionId: string, data: Record<string, unknown>): ConsentRecord {
  const decisions = (Array.isArray(data['decisions']) ? data['decisions'] : []).filter(isRecord).map(
    (d): ConsentDecision & { method?: string } => ({
      purpose: text(d['purpose']) ?? '',
      status: text(d['status']) ?? '',
      decidedOn: text(d['decidedOn']) ?? '',
      ...(text(d['agencyId']) ? { agencyId: text(d['agencyId']) } : {}),
      ...(Array.isArray(d['dataCategories']) ? { dataCategories: d['dataCategories'].filter((c): c is string => typeof c === 'string') } : {}),
      ...(text(d['validUntil']) ? { validUntil: text(d['validUntil']) } : {}),
      ...(text(d['withdrawnOn']) ? { withdrawnOn: text(d['withdrawnOn']) } : {}),
      ...(text(d['method']) ? { method: text(d['method']) } : {}),
    }),
  );
  return { submissionId, ...(text(data['givenBy']) ? { givenBy: text(data['givenBy']) } : {}), decisions };
}

/**
 * Where consent stands per purpose on `today`, as kept beside the forms: with, per purpose, the earliest
 * decision dated after today (`recheckOn`) — from that day the kept state may be stale, and the research
 * export leaves the case out until the state is computed again.
 */
function projection(records: readonly ConsentRecord[], today: string): (ReturnType<typeof consentState>[number] & { recheckOn?: string })[] {
  return consentState(records, PURPOSES, today).map((p) => {
    const later = records
      .flatMap((r) => r.decisions)
      .filter((d) => d.purpose === p.purpose)
      .flatMap((d) => [d.decidedOn, d.withdrawnOn ?? ''])
      .filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && day > today)
      .sort()[0];
    return later ? { ...p, recheckOn: later } : p;
  });
}

/**
 * Consent per purpose (issue 11, step 4). Each consent form is stored as a sealed form submission linked
 * to the case; the state is computed from all of them, so a withdrawal recorded now applies to the next
 * read (and to the next packet) at once. Neither the audit trail nor an error holds an answer.
 */
@Injectable()
export class CaseConsentsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('CaseConsents');
  constructor(
    private readonly cases: CasesRepository,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly agreements: CooperationAgreementsService,
  ) {}

  /** The case if the reader may act on it there; otherwise the same 404 as an unknown case. */
  async record(user: AuthUser, code: string, data: unknown, language: Language, requestId: string | null): Promise<ConsentRecorded> {
    const found = await caseFor(this.cases, user, code, 'create');
    const version = await this.forms.pinVersion(CONSENT_FORM_KEY, found.jurisdictionCode);
    const cleaned = await this.forms.checkAgainstVersion(version.id, data, found.jurisdictionCode, language, await this.agreements.agencyScope(found.jurisdictionCode));
    const recordedAt = new Date();
    const submissionId = await this.cases.transaction(async (tx) => {
      // One recording at a time per case: the state below is computed from every form committed before this one.
      await this.cases.lockConsents(found.id, tx);
      const earlier = await this.records(found.id);
      const id = await this.forms.storeSubmission({ versionId: version.id, jurisdictionCode: found.jurisdictionCode, data: cleaned, personId: user.personId, requestId }, tx);
      await this.cases.insertConsent({ caseId: found.id, submissionId: id, recordedAt, recordedBy: user.personId }, tx);
      // Every earlier form and this one: where consent stands per purpose now, kept beside the forms as codes.
      await this.cases.saveConsentPurposes(found.id, projection([...earlier, toRecord(id, cleaned)], jakartaDate(recordedAt)), tx);
      // Which form was recorded, never what it says.
      await this.audit.record(
        { actorId: user.personId, action: 'case.consent_recorded', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, after: { submissionId: id, formVersionId: version.id } },
        tx,
      );
      return id;
    });
    await this.tellReceiversOfWithdrawal(found.code, found.id, submissionId, toRecord(submissionId, cleaned));
    return { submissionId, formVersionId: version.id, recordedAt: recordedAt.toISOString() };
  }

  /**
   * A withdrawal of data sharing is shown to every agency that received data about the case (a referral
   * to it): its people are told, by the case code alone, that nothing more is shared. Their packets
   * already read as withdrawn from this moment.
   */
  private async tellReceiversOfWithdrawal(code: string, caseId: string, submissionId: string, record: ConsentRecord): Promise<void> {
    const withdrawn = record.decisions.filter((d) => d.purpose === 'data_sharing' && d.status === 'withdrawn' && d.agencyId);
    if (!withdrawn.length) return;
    const received = new Set((await this.cases.referrals(caseId)).map((r) => r.receivingAgencyId));
    for (const d of withdrawn) {
      if (!d.agencyId || !received.has(d.agencyId)) continue;
      const on = d.withdrawnOn ?? d.decidedOn;
      await this.notifications.notify({
        dedupeKey: `case:${code}:consent-withdrawn:${submissionId}:${d.agencyId}`,
        kind: 'case.consent_withdrawn',
        recipients: { agencyId: d.agencyId },
        title: { id: `Persetujuan berbagi data ditarik: kasus ${code}`, en: `Consent to share data withdrawn: case ${code}` },
        body: {
          id: `Persetujuan berbagi data kasus ${code} dengan lembaga Anda ditarik kembali pada ${on}. Data kasus ini tidak lagi dibagikan kepada lembaga Anda; simpan hanya yang diwajibkan ketentuan dan hubungi koordinator kasus bila perlu.`,
          en: `Consent to share data on case ${code} with your agency was withdrawn on ${on}. This case's data is no longer shared with your agency; keep only what the rules require and contact the case coordinator if needed.`,
        },
        link: '/tugas',
      });
    }
  }

  /** Every consent decision recorded for the case, in the order recorded (for the rules of `@gugus/cases`). */
  async decisions(caseId: string): Promise<ConsentDecision[]> {
    const out: ConsentDecision[] = [];
    for (const link of await this.cases.consents(caseId)) {
      const row = await this.forms.submissionData(link.submissionId);
      out.push(...toRecord(link.submissionId, isRecord(row?.data) ? row.data : {}).decisions);
    }
    return out;
  }

  /**
   * Cases whose consent forms were recorded before the per-purpose state was kept (migration 2620) get it
   * once, at start-up; afterwards every recording rewrites it. Safe to run twice.
   */
  async onApplicationBootstrap(): Promise<void> {
    const today = jakartaDate(new Date());
    for (const caseId of await this.cases.casesWithoutConsentPurposes()) {
      try {
        await this.cases.transaction(async (tx) => {
          await this.cases.lockConsents(caseId, tx);
          // Another process (or a recording) got there first.
          if (await this.cases.hasConsentPurposes(caseId, tx)) return;
          await this.cases.saveConsentPurposes(caseId, projection(await this.records(caseId), today), tx);
        });
      } catch (err) {
        // One unreadable form must not stop the API: that case stays out of the research export until its next recording.
        this.logger.warn(`Status persetujuan satu kasus tidak dapat dihitung / one case's consent state could not be computed (${(err as Error).name})`);
      }
    }
  }

  /** Every consent form recorded for the case, as the rules read them, in the order recorded. */
  private async records(caseId: string): Promise<ConsentRecord[]> {
    const records: ConsentRecord[] = [];
    for (const link of await this.cases.consents(caseId)) {
      const row = await this.forms.submissionData(link.submissionId);
      records.push(toRecord(link.submissionId, isRecord(row?.data) ? row.data : {}));
    }
    return records;
  }

  /** Where consent stands today for each purpose (`granted`, `declined`, `withdrawn`, `expired`, `none`). */
  async purposeStatus(caseId: string): Promise<(purpose: string) => string> {
    const records = await this.records(caseId);
    const byPurpose = new Map(consentState(records, PURPOSES, jakartaDate(new Date())).map((p) => [p.purpose, p.status as string]));
    return (purpose) => byPurpose.get(purpose) ?? 'none';
  }

  /** Where consent stands per purpose today, and every consent form recorded. The read is audited with its purpose. */
  async state(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseConsentView> {
    const found = await caseFor(this.cases, user, code, 'read');
    await this.audit.record({ actorId: user.personId, action: 'case_consent.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    const links = await this.cases.consents(found.id);
    const records: (ConsentRecord & { recordedAt: Date })[] = [];
    for (const link of links) {
      const row = await this.forms.submissionData(link.submissionId);
      records.push({ ...toRecord(link.submissionId, isRecord(row?.data) ? row.data : {}), recordedAt: link.recordedAt });
    }
    const asOf = jakartaDate(new Date());
    const state = consentState(records, PURPOSES, asOf);
    const names = await this.cases.agencyNames([...new Set(state.flatMap((p) => (p.agencies ?? []).map((a) => a.agencyId)))]);
    const history: ConsentHistoryEntry[] = records.map((r) => ({
      submissionId: r.submissionId,
      recordedAt: r.recordedAt.toISOString(),
      givenBy: r.givenBy ?? null,
      decisions: r.decisions.map((d) => ({ purpose: d.purpose, status: d.status, agencyId: d.agencyId ?? null, decidedOn: d.decidedOn, withdrawnOn: d.withdrawnOn ?? null })),
    }));
    return {
      caseCode: found.code,
      asOf,
      purposes: state.map((p) => ({
        purpose: p.purpose,
        status: p.status,
        since: p.since ?? null,
        givenBy: p.givenBy ?? null,
        method: p.method ?? null,
        ...(p.agencies
          ? {
              agencies: p.agencies.map((a) => ({
                agencyId: a.agencyId,
                agencyName: names.get(a.agencyId) ?? null,
                status: a.status,
                categories: [...a.categories],
                decidedOn: a.decidedOn ?? null,
                withdrawnOn: a.withdrawnOn ?? null,
                validUntil: a.validUntil ?? null,
                givenBy: a.givenBy ?? null,
                method: a.method ?? null,
              })),
            }
          : {}),
      })),
      history,
    };
  }
}
