export { HomePage } from './lib/HomePage';
export { shortcutsFor, type Shortcut } from './lib/shortcuts';
