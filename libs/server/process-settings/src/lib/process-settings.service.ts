import { Injectable } from '@nestjs/common';
import {
  checkProcessSettings,
  ErrorCode,
  isProcessKey,
  NATIONAL_CODE,
  PROCESS_SETTINGS_DEFINITIONS,
  withDefaults,
  type ProcessSettingsValue,
  type EffectiveProcessSettings,
  type ProcessSettingsDefinition,
  type ProcessSettingsOverview,
  type ProcessSettingsVersionView,
} from '@gugus/contracts';
import { assertCan, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError, type BilingualFieldError } from '@gugus/server-http';
import { jurisdictionChain, REGION_CODE } from './jurisdiction-chain';
import { sourceOf, toVersionView } from './process-settings.mapper';
import { ProcessSettingsRepository } from './process-settings.repository';

const invalid = (fields: BilingualFieldError[]) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields });

/**
 * Per-jurisdiction process settings: versions are immutable, and what applies in a jurisdiction is the
 * newest version saved nearest to it (regency → province → national), else the national defaults in code.
 */
@Injectable()
export class ProcessSettingsService {
  constructor(
    private readonly repo: ProcessSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The settings a new process of `processKey` in `jurisdictionCode` starts with, and where they were
   * defined. Capture the answer (or its `settingsId`) when the process starts: later versions do not
   * change a running process. Unknown process key: NOT_FOUND; unknown or malformed jurisdiction:
   * VALIDATION_FAILED.
   */
  async effective(processKey: string, jurisdictionCode: string): Promise<EffectiveProcessSettings<ProcessSettingsValue>> {
    const definition = this.definition(processKey);
    await this.assertJurisdiction(jurisdictionCode);
    const row = await this.repo.latestAlong(processKey, jurisdictionChain(jurisdictionCode));
    if (!row) return { processKey, jurisdictionCode: NATIONAL_CODE, version: 0, settingsId: null, settings: definition.defaults };
    return { processKey, jurisdictionCode: row.jurisdictionCode, version: row.version, settingsId: row.id, settings: withDefaults(definition, row.settings) };
  }

  /** What applies in `jurisdictionCode`, where it comes from, the defaults, and the versions saved there. */
  async overview(user: AuthUser, processKey: string, jurisdictionCode: string): Promise<ProcessSettingsOverview<ProcessSettingsValue>> {
    const definition = this.definition(processKey);
    this.assertFormat(jurisdictionCode);
    assertCan(user, 'read', 'ProcessSettings', { jurisdictionCode });
    const effective = await this.effective(processKey, jurisdictionCode);
    const history = await this.repo.history(processKey, jurisdictionCode);
    return {
      processKey,
      jurisdictionCode,
      effective,
      source: sourceOf(effective.jurisdictionCode, effective.version),
      defaults: definition.defaults,
      history: history.map((row) => toVersionView(definition, row)),
    };
  }

  /** Saves `settings` as the next version for `jurisdictionCode`. Invalid settings are refused per field and nothing is saved. */
  async saveVersion(user: AuthUser, processKey: string, jurisdictionCode: string, settings: unknown, note: string | undefined): Promise<ProcessSettingsVersionView<ProcessSettingsValue>> {
    const definition = this.definition(processKey);
    this.assertFormat(jurisdictionCode);
    assertCan(user, 'update', 'ProcessSettings', { jurisdictionCode });
    await this.assertJurisdiction(jurisdictionCode);
    const checked = checkProcessSettings(definition, settings);
    if (!checked.ok) throw invalid(checked.errors.map((e) => ({ field: e.field ? `settings.${e.field}` : 'settings', message: e.message })));
    const saved = await this.repo.transaction(async (tx) => {
      const row = await this.repo.insertNext({ processKey, jurisdictionCode, settings: checked.settings as unknown as Record<string, unknown>, note: note?.trim() || null, createdBy: user.personId }, tx);
      await this.audit.record(
        { actorId: user.personId, action: 'process_settings.create', targetType: 'process_settings', targetId: row.id, jurisdictionCode, requestId: user.requestId ?? null, after: { processKey, version: row.version, settings: checked.settings } },
        tx,
      );
      return row;
    });
    return toVersionView(definition, { ...saved, createdByName: user.name });
  }

  private definition(processKey: string): ProcessSettingsDefinition<ProcessSettingsValue> {
    if (!isProcessKey(processKey)) {
      throw new DomainError(ErrorCode.NOT_FOUND, { id: `Proses «${processKey}» tidak dikenal.`, en: `No process “${processKey}”.` });
    }
    return PROCESS_SETTINGS_DEFINITIONS[processKey] as ProcessSettingsDefinition<ProcessSettingsValue>;
  }

  private assertFormat(code: string): void {
    if (!REGION_CODE.test(code)) {
      throw invalid([{ field: 'jurisdictionCode', message: { id: 'harus kode wilayah resmi seperti 32 atau 32.04', en: 'must be an official region code such as 32 or 32.04' } }]);
    }
  }

  private async assertJurisdiction(code: string): Promise<void> {
    this.assertFormat(code);
    if (!(await this.repo.jurisdictionExists(code))) {
      throw invalid([{ field: 'jurisdictionCode', message: { id: `wilayah ${code} tidak dikenal`, en: `no jurisdiction ${code}` } }]);
    }
  }
}
