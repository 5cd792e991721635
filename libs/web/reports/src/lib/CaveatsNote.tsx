import { useTranslation } from 'react-i18next';
import type { BilingualText } from '@gugus/contracts';
import { useLanguage } from '@gugus/web-i18n';
import { Alert } from '@gugus/web-ui';

/** What a set of figures cannot show (issue 12, item 6), under every table and chart of victim data. */
export function CaveatsNote({ caveats, testId }: { caveats: readonly BilingualText[]; testId: string }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  return (
    <Alert tone="info" data-testid={testId}>
      <p className="gu-reports__strong">{t('figures.caveats')}</p>
      <ul>
        {caveats.map((c) => (
          <li key={c.en}>{c[language]}</li>
        ))}
      </ul>
    </Alert>
  );
}
