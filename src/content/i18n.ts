// Every user-visible string of the content script goes through `t`. The text
// comes from `_locales` via i18n.getMessage; when the extension context is gone
// (an orphaned script after an update) the English catalogue, bundled from the
// same file, is used, so a warning is never shown blank.
import english from '../../extension/_locales/en/messages.json';
import { runtime } from '../platform/content-runtime.ts';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const FALLBACK: Record<string, Entry> = english;

export type MessageKey = keyof typeof english;

function fallback(key: string, subs: readonly string[]): string {
  const entry = FALLBACK[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? whole;
    return content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  });
}

export function t(key: MessageKey, ...subs: string[]): string {
  let text = '';
  try {
    text = runtime().getMessage(key, subs);
  } catch {
    // extension context gone (update or reload): fall through to English
  }
  return text || fallback(key, subs);
}
