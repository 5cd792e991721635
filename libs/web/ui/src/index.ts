import './lib/theme.css';

export { AppLayout, type AppLayoutProps, type NavItem } from './lib/AppLayout';
export { Button, type ButtonProps } from './lib/Button';
export { Card } from './lib/Card';
export { EmptyState, type EmptyStateProps } from './lib/EmptyState';
export { LanguageSwitch, type LanguageOption, type LanguageSwitchProps } from './lib/LanguageSwitch';
export { StatusBadge, type BadgeStatus, type StatusBadgeProps } from './lib/StatusBadge';
