// What browser tests call inside Chromium: the web app's own form checking, nothing re-implemented.
export { checkFormData } from '@gugus/web-forms';
