import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@gugus/contracts';
import { useEffectiveForm, useStartProtection } from '@gugus/web-data-access';
import { Alert, Button, Card } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';

const SCREENING_FORM = 'victim-screening';

/**
 * Immediate protection before the screening is finished (issue 11, step 3: "as soon as there are
 * reasonable grounds"): the case team ticks the needs, and each opens its task for the coordinator at
 * once; the screening later adds only the others. Shown while the case is at intake or screening.
 */
export function ProtectionCard({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases');
  const form = useEffectiveForm(SCREENING_FORM, view.jurisdictionCode);
  const start = useStartProtection();
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState<string[] | null>(null);
  const items = (form.data?.schema.properties?.['immediateNeeds'] as { items?: { enum?: unknown[] } } | undefined)?.items?.enum ?? [];
  const names = ((form.data?.uiSchema['immediateNeeds'] as { 'ui:enumNames'?: Record<string, string> } | undefined)?.['ui:enumNames'] ?? {}) as Record<string, string>;
  if (view.stage !== 'intake' && view.stage !== 'screening') return null;
  const submit = async () => {
    const answer = await start.submit({ code: view.code, needs: chosen });
    if (answer) {
      setDone(answer.needs);
      setChosen([]);
    }
  };
  return (
    <Card data-testid="case-protection">
      <h2 className="gu-cases__section-title">{t('protection.title')}</h2>
      <p className="gu-cases__muted">{t('protection.intro')}</p>
      {done && (
        <Alert tone="success" data-testid="protection-started">
          {t('protection.started', { count: done.length })}
        </Alert>
      )}
      <fieldset className="gu-cases__packet-edit">
        <legend>{t('protection.choose')}</legend>
        {items.filter((c): c is string => typeof c === 'string').map((code) => (
          <label key={code} className="gu-cases__packet-choice">
            <input type="checkbox" checked={chosen.includes(code)} onChange={(e) => setChosen(e.target.checked ? [...chosen, code] : chosen.filter((x) => x !== code))} /> {names[code] ?? code}
          </label>
        ))}
        {start.error && <ApiErrorAlert error={start.error} />}
        <div className="gu-cases__consent-actions">
          <Button onClick={() => void submit()} disabled={!chosen.length || start.isSubmitting} data-testid="protection-submit">
            {t('protection.submit')}
          </Button>
        </div>
      </fieldset>
    </Card>
  );
}
