import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, matchPath, NavLink, useLocation } from 'react-router-dom';
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
  /** The sections a person uses most, always in view. */
  navItems: readonly NavItem[];
  /** Sections used now and then, behind one "More" button at the end of the bar (so the bar stays one line). */
  moreItems?: readonly NavItem[];
  moreLabel?: string;
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
          {/* The brand leads home: a person's home page (their work), or the status page for a visitor. */}
          <Link to="/" className="gu-brand" data-testid="brand-home">
            <span className="gu-brand__mark" aria-hidden="true">
              G
            </span>
            <span>
              <span className="gu-brand__name">{props.productName}</span>
              <span className="gu-brand__subtitle">{props.subtitle}</span>
            </span>
          </Link>
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
            {props.moreItems && props.moreItems.length > 0 && <MoreMenu label={props.moreLabel ?? 'More'} items={props.moreItems} />}
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

/**
 * A disclosure button and the list of links it shows (the WAI-ARIA disclosure navigation pattern, not an
 * application menu): Tab moves through the links, Escape closes it and returns to the button, and it
 * closes when one of its links is followed or when focus or a click goes elsewhere (not on every change of
 * address: a page still loading would otherwise close a menu opened meanwhile). The button is marked when the
 * page shown is one of its sections.
 */
function MoreMenu({ label, items }: { label: string; items: readonly NavItem[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const current = items.some((item) => matchPath({ path: item.to, end: false }, location.pathname));
  useEffect(() => {
    if (!open) return undefined;
    const away = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);
  return (
    <li
      ref={root}
      className="gu-nav__more"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="gu-nav__link gu-nav__more-button"
        aria-expanded={open}
        aria-controls={listId}
        data-current={current || undefined}
        data-testid="nav-more"
        onClick={() => setOpen(!open)}
      >
        {label}
        <span className="gu-nav__caret" aria-hidden="true" />
      </button>
      <ul id={listId} className="gu-nav__menu" hidden={!open} data-testid="nav-more-list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink className="gu-nav__menu-link" to={item.to} onClick={() => setOpen(false)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}
