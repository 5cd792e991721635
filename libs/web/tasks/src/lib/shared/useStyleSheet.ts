import { useEffect } from 'react';

/**
 * Adds `css` to the document while the component is shown, as a constructed stylesheet
 * (`document.adoptedStyleSheets`). Not an inline `<style>` element: the Content-Security-Policy
 * (`style-src 'self'`) refuses those, and stylesheets built through the CSSOM are not inline styles.
 */
export function useStyleSheet(css: string): void {
  useEffect(() => {
    if (!css) return undefined;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}
