import './lib/theme.css';

export { Alert, type AlertProps, type AlertTone } from './lib/Alert';
export { AppLayout, type AppLayoutProps, type NavItem } from './lib/AppLayout';
export { Button, type ButtonProps } from './lib/Button';
export { Card } from './lib/Card';
export { EChart, type ChartOption, type EChartProps } from './lib/chart/EChart';
export { EmptyState, type EmptyStateProps } from './lib/EmptyState';
export {
  CheckboxField,
  CheckboxGroup,
  SelectField,
  TextAreaField,
  TextField,
  type CheckboxFieldProps,
  type CheckboxGroupProps,
  type CheckboxOption,
  type SelectFieldProps,
  type TextAreaFieldProps,
  type TextFieldProps,
} from './lib/Field';
export { LanguageSwitch, type LanguageOption, type LanguageSwitchProps } from './lib/LanguageSwitch';
export { Loading } from './lib/Loading';
export { PageHeader, type Crumb, type PageHeaderProps } from './lib/PageHeader';
export { StatusBadge, type BadgeStatus, type StatusBadgeProps } from './lib/StatusBadge';
export { Tag, type TagProps } from './lib/Tag';
