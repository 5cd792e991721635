import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import './AppLayout.css';

export interface NavItem {
  to: string;
  label: string;
}

export interface AppLayoutProps {
  productName: string;
  subtitle: string;
  skipLinkLabel: string;
  navLabel: string;
  navItems: readonly NavItem[];
  /** Rendered at the right of the header, usually a `LanguageSwitch`. */
  languageSwitch: ReactNode;
  /** Who is logged in and how to log out (or a link to log in); wraps under the brand on phones. */
  account?: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}

const MAIN_ID = 'main-content';

/** The page frame every screen sits in: header with brand and navigation, main content, footer. */
export function AppLayout(props: AppLayoutProps) {
  return (
    <div className="gu-layout">
      <a className="gu-skip-link" href={`#${MAIN_ID}`}>
        {props.skipLinkLabel}
      </a>
      <header className="gu-header">
        <div className="gu-header__bar">
          <div className="gu-brand">
            <span className="gu-brand__mark" aria-hidden="true">
              G
            </span>
            <div>
              <div className="gu-brand__name">{props.productName}</div>
              <div className="gu-brand__subtitle">{props.subtitle}</div>
            </div>
          </div>
          {props.languageSwitch}
          {props.account && <div className="gu-header__account">{props.account}</div>}
        </div>
        <nav className="gu-nav" aria-label={props.navLabel}>
          <ul className="gu-nav__list">
            {props.navItems.map((item) => (
              <li key={item.to}>
                <NavLink className="gu-nav__link" to={item.to}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id={MAIN_ID} className="gu-main" tabIndex={-1}>
        {props.children}
      </main>
      <footer className="gu-footer">
        <div className="gu-footer__inner">{props.footer}</div>
      </footer>
    </div>
  );
}
