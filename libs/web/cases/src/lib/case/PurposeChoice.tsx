import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_READ_PURPOSES, type CaseReadPurpose } from '@gugus/contracts';
import { Button, Card } from '@gugus/web-ui';

export interface PurposeChoiceProps {
  code: string;
  onChoose: (purpose: CaseReadPurpose) => void;
}

/** Why the reader opens the case, asked before anything about it is loaded (the API audits the read with it). */
export function PurposeChoice({ code, onChoose }: PurposeChoiceProps) {
  const { t } = useTranslation('cases');
  const [purpose, setPurpose] = useState<CaseReadPurpose | ''>('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (purpose) onChoose(purpose);
    else setMissing(true);
  };

  return (
    <Card data-testid="case-purpose">
      <h2 className="gu-cases__section-title">{t('purpose.title')}</h2>
      <p className="gu-cases__muted">{t('purpose.intro')}</p>
      <form className="gu-cases__form" onSubmit={submit} noValidate>
        <fieldset className="gu-cases__purposes" aria-describedby={missing ? `purpose-missing-${code}` : undefined}>
          <legend className="gu-cases__legend">{t('purpose.legend')}</legend>
          {CASE_READ_PURPOSES.map((p) => (
            <label key={p} className={purpose === p ? 'gu-cases__purpose gu-cases__purpose--chosen' : 'gu-cases__purpose'}>
              <input
                type="radio"
                name="purpose"
                value={p}
                aria-labelledby={`purpose-${p}-label`}
                aria-describedby={`purpose-${p}-hint`}
                checked={purpose === p}
                onChange={() => {
                  setPurpose(p);
                  setMissing(false);
                }}
              />
              <span>
                <span id={`purpose-${p}-label`} className="gu-cases__strong">
                  {t(`purposes.${p}.label`)}
                </span>
                <span id={`purpose-${p}-hint`} className="gu-cases__meta">
                  {t(`purposes.${p}.hint`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {missing && (
          <p id={`purpose-missing-${code}`} className="gu-field__error" data-testid="field-error">
            {t('purpose.missing')}
          </p>
        )}
        <div className="gu-cases__actions">
          <Button type="submit" data-testid="case-purpose-submit">
            {t('purpose.continue')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
