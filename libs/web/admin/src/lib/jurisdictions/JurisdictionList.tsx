import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import type { JurisdictionView } from '@gugus/contracts';
import { Card, TextField } from '@gugus/web-ui';
import { adminPaths } from '../shared/paths';
import './JurisdictionList.css';

export interface JurisdictionListProps {
  title: string;
  filterLabel: string;
  items: readonly JurisdictionView[];
  'data-testid'?: string;
}

// "kab bandung" finds "Kabupaten Bandung": every word must start a word of the name (or match its code).
function matches(item: JurisdictionView, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const name = item.name.toLowerCase();
  const nameWords = name.split(/[\s-]+/);
  return words.every((w) => nameWords.some((n) => n.startsWith(w)) || name.includes(w) || item.code.startsWith(w));
}

/** A titled list of jurisdictions with a name filter; each links to its page. */
export function JurisdictionList({ title, filterLabel, items, ...rest }: JurisdictionListProps) {
  const { t } = useTranslation('admin');
  const headingId = useId();
  const [query, setQuery] = useState('');
  const shown = query.trim() ? items.filter((item) => matches(item, query.trim())) : items;
  return (
    <Card aria-labelledby={headingId} data-testid={rest['data-testid']}>
      <div className="gu-jlist__head">
        <h2 id={headingId} className="gu-admin__section-title">
          {title}
        </h2>
        <span className="gu-muted">{t('jurisdictions.shown', { shown: shown.length, total: items.length })}</span>
      </div>
      <TextField label={filterLabel} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" data-testid="jurisdiction-filter" />
      {shown.length === 0 ? (
        <p className="gu-jlist__empty">{t('jurisdictions.noMatch', { query: query.trim() })}</p>
      ) : (
        <ul className="gu-jlist">
          {shown.map((item) => (
            <li key={item.code}>
              <NavLink className="gu-jlist__link" to={adminPaths.jurisdiction(item.code)} data-code={item.code}>
                <span className="gu-jlist__name">{item.name}</span>
                <span className="gu-jlist__code">{item.code}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
