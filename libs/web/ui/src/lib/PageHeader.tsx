import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import './PageHeader.css';

export interface Crumb {
  label: string;
  /** Omitted for the current page. */
  to?: string;
}

export interface PageHeaderProps {
  title: string;
  intro?: ReactNode;
  /** Where this page sits, from the top; the last crumb is usually the page itself. */
  breadcrumbs?: readonly Crumb[];
  breadcrumbsLabel?: string;
  /** Extra content beside the title, e.g. a level tag. */
  aside?: ReactNode;
}

/** Title block of a screen: breadcrumb trail, heading, short introduction. */
export function PageHeader({ title, intro, breadcrumbs, breadcrumbsLabel, aside }: PageHeaderProps) {
  return (
    <header className="gu-page-head">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label={breadcrumbsLabel} className="gu-crumbs">
          <ol className="gu-crumbs__list">
            {breadcrumbs.map((crumb, index) => (
              <li key={`${index}-${crumb.label}`} className="gu-crumbs__item">
                {crumb.to ? (
                  <Link to={crumb.to}>{crumb.label}</Link>
                ) : (
                  <span aria-current="page">{crumb.label}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="gu-page-head__title-row">
        <h1 className="gu-page-head__title">{title}</h1>
        {aside}
      </div>
      {intro && <p className="gu-page-head__intro">{intro}</p>}
    </header>
  );
}
