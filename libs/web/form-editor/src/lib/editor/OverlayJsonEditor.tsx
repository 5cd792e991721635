import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormAjv, OVERLAY_SHAPE, type FormOverlay } from '@gugus/forms';
import { Alert, Button, Card } from '@gugus/web-ui';

// The same shape check the server runs before applying an overlay it receives.
let checkShape: ReturnType<ReturnType<typeof createFormAjv>['compile']> | undefined;

const pretty = (overlay: FormOverlay) => JSON.stringify(overlay, null, 2);

type Parsed = { overlay: FormOverlay; error?: undefined } | { overlay?: undefined; error: string };

function useParse() {
  const { t } = useTranslation('formEditor');
  return (text: string): Parsed => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return { error: t('json.parseError', { message: err instanceof Error ? err.message : String(err) }) };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: t('json.notObject') };
    checkShape ??= createFormAjv().compile(OVERLAY_SHAPE);
    if (!checkShape(value)) {
      const [first] = checkShape.errors ?? [];
      return { error: t('json.shapeError', { path: first?.instancePath || '/', message: first?.message ?? '' }) };
    }
    return { overlay: value as FormOverlay };
  };
}

/** The whole overlay as JSON for experts: edit, see parse and shape errors as you type, apply (undoable). */
export function OverlayJsonEditor({ overlay, onChange }: { overlay: FormOverlay; onChange: (overlay: FormOverlay) => void }) {
  const { t } = useTranslation('formEditor');
  const headingId = useId();
  const fieldId = useId();
  const parse = useParse();
  const [source, setSource] = useState(overlay);
  const [text, setText] = useState(() => pretty(overlay));
  const [applied, setApplied] = useState(false);
  // Edits made elsewhere (or undo) replace the text.
  if (source !== overlay) {
    setSource(overlay);
    setText(pretty(overlay));
  }
  const parsed = parse(text);
  const changed = parsed.overlay !== undefined && JSON.stringify(parsed.overlay) !== JSON.stringify(overlay);
  return (
    <Card aria-labelledby={headingId}>
      <div className="gu-fe__form">
        <h2 id={headingId} className="gu-fe__title">
          {t('json.heading')}
        </h2>
        <p className="gu-fe__muted">{t('json.intro')}</p>
        <div className={parsed.error ? 'gu-field gu-field--invalid' : 'gu-field'}>
          <label className="gu-field__label" htmlFor={fieldId}>
            {t('json.label')}
          </label>
          <textarea
            id={fieldId}
            className="gu-input gu-input--multiline gu-fe__json"
            value={text}
            spellCheck={false}
            rows={Math.min(24, Math.max(6, text.split('\n').length + 1))}
            aria-invalid={parsed.error ? true : undefined}
            aria-describedby={parsed.error ? `${fieldId}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setApplied(false);
            }}
            data-testid="overlay-json"
          />
          {parsed.error && (
            <p id={`${fieldId}-error`} className="gu-field__error" data-testid="json-error">
              {parsed.error}
            </p>
          )}
        </div>
        {applied && <Alert tone="success">{t('json.applied')}</Alert>}
        <div className="gu-fe__actions">
          <Button
            variant="secondary"
            disabled={!changed}
            onClick={() => {
              if (!parsed.overlay) return;
              onChange(parsed.overlay);
              setApplied(true);
            }}
          >
            {t('json.apply')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
