// Every user-visible string goes through _locales: every locale has every key
// with the same placeholders, and every key the code asks for exists.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const DIR = 'extension/_locales';
const load = (locale: string): Messages => JSON.parse(readFileSync(join(DIR, locale, 'messages.json'), 'utf8')) as Messages;
const locales = readdirSync(DIR);
const en = load('en');

/** $NAME$ references used in a message, lower-cased as Chrome compares them. */
const refs = (m: string) => [...m.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('locales', () => {
  it('has English and the promised languages', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ja', 'ko']));
  });

  // Brand names, examples and pure placeholder patterns read the same in every language.
  const SAME_EVERYWHERE = new Set(['extName', 'popupTitle', 'checkPlaceholder', 'updateErrorValue']);
  const SCRIPT: Record<string, RegExp> = { ko: /[\uac00-\ud7af]/, ja: /[\u3040-\u30ff\u4e00-\u9fff]/ };

  it.each(Object.keys(SCRIPT))('%s is translated, not copied from English', (locale) => {
    const msgs = load(locale);
    const untranslated = Object.keys(en).filter(
      (key) => !SAME_EVERYWHERE.has(key) && (msgs[key]?.message === en[key]!.message || !SCRIPT[locale]!.test(msgs[key]?.message ?? '')),
    );
    expect(untranslated).toEqual([]);
  });

  it.each(locales)('%s has every English key with matching placeholders', (locale) => {
    const msgs = load(locale);
    expect(Object.keys(msgs).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(msgs)) {
      expect(value.message.trim(), `${locale}:${key}`).not.toBe('');
      expect(refs(value.message), `${locale}:${key}`).toEqual(refs(en[key]!.message));
      expect(Object.keys(value.placeholders ?? {}).sort(), `${locale}:${key}`).toEqual(
        Object.keys(en[key]!.placeholders ?? {}).sort(),
      );
    }
  });

  // Right-to-left locales mirror the pages only if no style pins a physical side
  // (test/e2e/chromium-ui.test.ts checks the mirrored layout with dir=rtl).
  it('UI styles use logical properties only, so right-to-left locales mirror', () => {
    const physical = /\b(margin|padding|border)-(left|right)\b|\b(left|right)\s*:|text-align\s*:\s*(left|right)|float\s*:\s*(left|right)/;
    const styles = sourceFiles('src/ui').map((f) => [f, readFileSync(f, 'utf8')] as const);
    const css = readdirSync('src/ui/shared').filter((f) => f.endsWith('.css')).map((f) => [f, readFileSync(join('src/ui/shared', f), 'utf8')] as const);
    const offenders = [...styles, ...css].filter(([, text]) => physical.test(text)).map(([f]) => f);
    expect(css.length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it('defines every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
