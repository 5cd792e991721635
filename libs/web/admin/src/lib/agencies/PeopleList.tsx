import { useTranslation } from 'react-i18next';
import type { PersonView } from '@gugus/contracts';
import { Link } from 'react-router-dom';
import { Tag } from '@gugus/web-ui';
import { adminPaths } from '../shared/paths';

/** People registered in an agency, with their e-mail; each opens the person's page. */
export function PeopleList({ people }: { people: readonly PersonView[] }) {
  const { t } = useTranslation('admin');
  if (people.length === 0) return <p className="gu-muted">{t('agency.peopleEmpty')}</p>;
  return (
    <ul className="gu-rows" data-testid="people-list">
      {[...people]
        .sort((a, b) => a.fullName.localeCompare(b.fullName))
        .map((person) => (
          <li key={person.id} className="gu-rows__item" data-testid="person-row">
            <span className="gu-rows__title">
              <Link to={adminPaths.person(person.id)}>{person.fullName}</Link> {!person.active && <Tag tone="accent">{t('agency.inactive')}</Tag>}
            </span>
            <span className="gu-rows__meta">{person.email}</span>
          </li>
        ))}
    </ul>
  );
}
