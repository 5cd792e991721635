import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FormOverlay } from '@gugus/forms';
import {
  usePublishVersion,
  useSaveOverlay,
  type BreakingChangeDetails,
  type FormVersionDetail,
  type FormVersionView,
  type OverlayErrorDetails,
} from '@gugus/web-data-access';
import { formPaths } from '@gugus/web-forms';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card } from '@gugus/web-ui';
import { fieldRows } from '../model/fieldRows';
import { baseFromVersion, nodeAt, previewVariant } from '../model/variantModel';
import { AddFieldForm } from './AddFieldForm';
import { ChangesPanel, ConflictList } from './ChangesPanel';
import type { ListChoice } from './FieldEditPanel';
import { FieldList } from './FieldList';
import { OverlayJsonEditor } from './OverlayJsonEditor';
import { PreviewPanel } from './PreviewPanel';
import { PublishConfirm } from './PublishConfirm';
import { SaveRejection } from './SaveRejection';
import { useOverlayHistory } from './useOverlayHistory';

export interface VariantEditorProps {
  draft: FormVersionView;
  /** The national version the draft is an overlay on. */
  base: FormVersionView;
  provinceCode: string;
  provinceName: string;
  /** Opens a new draft after this one was published (or taken elsewhere). */
  onReopen: () => void;
}

/** Edits one draft's overlay with undo, a live preview and diff, saving and publishing. */
export function VariantEditor({ draft, base: baseView, provinceCode, provinceName, onReopen }: VariantEditorProps) {
  const { t } = useTranslation('formEditor');
  const { t: tf } = useTranslation('forms');
  const { language } = useLanguage();
  const base = useMemo(() => baseFromVersion(baseView), [baseView]);
  const history = useOverlayHistory(draft.overlay ?? {});
  const overlay = history.overlay;
  const preview = useMemo(() => previewVariant(base, overlay, provinceCode, language), [base, overlay, provinceCode, language]);
  const rows = useMemo(() => fieldRows(base, overlay, preview, language), [base, overlay, preview, language]);
  const listChoices = useMemo<ListChoice[]>(() => {
    const seen = new Map<string, ListChoice>();
    for (const row of rows) {
      if (row.added) continue;
      const node = nodeAt(base.definition.schema, row.path);
      const key = node?.['x-options'] ?? node?.items?.['x-options'];
      if (key && !seen.has(key)) seen.set(key, { key, label: `${row.nationalLabel?.[language] ?? row.name} (${key})` });
    }
    return [...seen.values()];
  }, [rows, base, language]);

  const [savedJson, setSavedJson] = useState(() => JSON.stringify(draft.overlay ?? {}));
  const [justSaved, setJustSaved] = useState(false);
  const [published, setPublished] = useState<FormVersionDetail>();
  const save = useSaveOverlay();
  const publish = usePublishVersion();
  const dirty = JSON.stringify(overlay) !== savedJson;
  const busy = save.isSubmitting || publish.isSubmitting;

  const change = (next: FormOverlay) => {
    setJustSaved(false);
    history.change(next);
  };

  const saveDraft = async (): Promise<boolean> => {
    const snapshot = overlay;
    const view = await save.submit({ versionId: draft.id, overlay: snapshot });
    if (!view) return false;
    setSavedJson(JSON.stringify(snapshot));
    setJustSaved(true);
    return true;
  };

  const publishDraft = async (confirmBreaking: boolean) => {
    publish.reset();
    if (dirty && !(await saveDraft())) return;
    const result = await publish.submit({ versionId: draft.id, confirmBreaking });
    if (result) setPublished(result);
  };

  const breaking = publish.error?.code === 'CONFLICT' ? (publish.error.details as BreakingChangeDetails) : undefined;
  const needsConfirmation = Boolean(breaking?.changes?.length);
  const draftGone = (publish.error?.code === 'CONFLICT' && !needsConfirmation) || save.error?.code === 'CONFLICT';
  const saveConflicts = save.error?.code === 'VALIDATION_FAILED' ? (save.error.details as OverlayErrorDetails) : undefined;

  if (published) {
    return (
      <div className="gu-fe__stack">
        <Alert tone="success" title={t('publish.done', { version: tf('version.variant', { name: provinceName, number: published.number }), province: provinceName })} data-testid="published">
          <p className="gu-fe__links">
            <Link to={formPaths.fill(draft.key, provinceCode)}>{t('publish.fillLink')}</Link>
            <button type="button" className="gu-fe__text-button" onClick={onReopen}>
              {t('publish.reopen')}
            </button>
          </p>
        </Alert>
        <PreviewPanel resolved={preview.resolved} schemaError={preview.schemaError} provinceCode={provinceCode} provinceName={provinceName} />
      </div>
    );
  }

  return (
    <div className="gu-fe__stack">
      <Card className="gu-fe__toolbar-card">
        <div className="gu-fe__toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <p className="gu-fe__status" aria-live="polite" data-testid="draft-status">
            <strong>{t('status.draft', { number: draft.number })}</strong> · {t('status.basedOn', { number: baseView.number })} ·{' '}
            <span className={dirty ? 'gu-fe__dirty' : undefined}>{dirty ? t('status.unsaved') : t('status.saved')}</span>
          </p>
          <div className="gu-fe__actions">
            <Button variant="secondary" onClick={history.undo} disabled={!history.canUndo || busy}>
              ↶ {t('toolbar.undo')}
            </Button>
            <Button variant="secondary" onClick={history.redo} disabled={!history.canRedo || busy}>
              ↷ {t('toolbar.redo')}
            </Button>
            <Button variant="secondary" onClick={() => void saveDraft()} disabled={!dirty || busy}>
              {save.isSubmitting ? t('toolbar.saving') : t('toolbar.save')}
            </Button>
            <Button onClick={() => void publishDraft(false)} disabled={busy} aria-busy={publish.isSubmitting}>
              {publish.isSubmitting ? (
                <>
                  <span className="gu-fe__spinner" aria-hidden="true" /> {t('toolbar.publishing')}
                </>
              ) : (
                t('toolbar.publish')
              )}
            </Button>
          </div>
        </div>
        {justSaved && !dirty && (
          <Alert tone="success" data-testid="draft-saved">
            {t('save.done')}
          </Alert>
        )}
        {saveConflicts && <SaveRejection details={saveConflicts} fields={save.error?.details.fields ?? []} rows={rows} language={language} />}
        {save.error && !saveConflicts && <ApiErrorAlert error={save.error} />}
        {needsConfirmation && breaking && (
          <PublishConfirm details={breaking} rows={rows} language={language} busy={busy} onConfirm={() => void publishDraft(true)} onCancel={publish.reset} />
        )}
        {publish.error && !needsConfirmation && <ApiErrorAlert error={publish.error} title={t('publish.failed')} />}
        {draftGone && (
          <Alert tone="info">
            <p>{t('publish.notDraft')}</p>
            <button type="button" className="gu-fe__text-button" onClick={onReopen}>
              {t('publish.reopen')}
            </button>
          </Alert>
        )}
        <ConflictList conflicts={preview.conflicts} rows={rows} language={language} />
        <ChangesPanel changes={preview.changes} rows={rows} language={language} />
      </Card>
      <div className="gu-fe__columns">
        <div className="gu-fe__stack">
          <FieldList rows={rows} overlay={overlay} language={language} listChoices={listChoices} onChange={change} />
          <AddFieldForm rows={rows} overlay={overlay} language={language} listChoices={listChoices} onChange={change} />
          <OverlayJsonEditor overlay={overlay} onChange={change} />
        </div>
        <PreviewPanel resolved={preview.resolved} schemaError={preview.schemaError} provinceCode={provinceCode} provinceName={provinceName} />
      </div>
    </div>
  );
}
