import { configure } from '@testing-library/react';
import { initI18n } from '@gugus/web-i18n';

// The interface in Bahasa Indonesia, as a first visit shows it (tests switch to English where they say so).
initI18n();

// findBy… waits for what the page shows after the fake API answered; two busy cores can take seconds.
configure({ asyncUtilTimeout: 10_000 });

// jsdom does not scroll; the task page scrolls to the top after a decision.
window.scrollTo = () => undefined;
