import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolvedForm } from '@gugus/forms';
import { SchemaForm, type FormData } from '@gugus/web-forms';
import { Alert, Button, Card } from '@gugus/web-ui';

/** The variant as a person filling it in sees it, validating live; nothing is stored. */
export function PreviewPanel({ resolved, schemaError, provinceCode, provinceName }: { resolved?: ResolvedForm; schemaError?: string; provinceCode: string; provinceName: string }) {
  const { t } = useTranslation('formEditor');
  const headingId = useId();
  const [data, setData] = useState<FormData>({});
  const [valid, setValid] = useState(false);
  return (
    <Card className="gu-fe__preview" aria-labelledby={headingId} data-testid="preview">
      <h2 id={headingId} className="gu-fe__title">
        {t('preview.heading')}
      </h2>
      <p className="gu-fe__muted">{t('preview.intro', { province: provinceName })}</p>
      {schemaError && <Alert tone="error">{t('preview.schemaError', { message: schemaError })}</Alert>}
      {resolved && (
        <>
          <h3 className="gu-fe__preview-title">{resolved.title}</h3>
          <SchemaForm
            schema={resolved.schema}
            uiSchema={resolved.uiSchema}
            formData={data}
            onChange={(next) => {
              setData(next);
              setValid(false);
            }}
            onSubmit={() => setValid(true)}
            jurisdictionCode={provinceCode}
            idPrefix="pratinjau"
            data-testid="preview-form"
          >
            {valid && <Alert tone="success">{t('preview.valid')}</Alert>}
            <div className="gu-fe__actions">
              <Button type="submit" variant="secondary">
                {t('preview.check')}
              </Button>
            </div>
          </SchemaForm>
        </>
      )}
    </Card>
  );
}
