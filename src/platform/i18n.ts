import { browser } from './browser.ts';

/** A localised string; the key itself when missing, so a gap shows rather than blanks. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Sets the document's language and writing direction from the browser's UI locale. */
export function localizeDocument(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
  doc.title = t('extName');
}
