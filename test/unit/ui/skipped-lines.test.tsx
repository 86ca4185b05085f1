// @vitest-environment happy-dom
// The lists in force say what each import skipped, as the signed summary says it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { ListMeta } from '../../../src/core/model.ts';

// getMessage echoes the key and its substitutions, so tests see which message and values were used.
vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join('|'),
      getUILanguage: () => 'en',
    },
  },
}));

const { ListsInForce } = await import('../../../src/ui/shared/ListsInForce.tsx');
const { SKIP_REASON_KEYS, skipReasonText } = await import('../../../src/ui/shared/skip-reasons.ts');

const FEED: ListMeta = {
  id: 'urlhaus',
  title: 'URLhaus',
  origin: 'admin',
  count: 1234567,
  skipped: {
    lines: 12,
    reasons: [
      { code: 'public-suffix', count: 10, first: [{ line: 3, text: 'co.uk' }, { line: 9, text: '0.0.0.0 com' }] },
      { code: 'from-a-newer-version', count: 2, first: [{ line: 40, text: '<b>x</b>' }] },
    ],
  },
};

function mount(lists: ListMeta[]): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ListsInForce lists={lists} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ListsInForce with an import summary', () => {
  it('says how many lines were skipped and, opened, why, with the first lines as text', () => {
    const root = mount([FEED]);
    const details = root.querySelector('[data-testid="skipped-lines"]')!;
    expect(root.querySelector('li')!.textContent).toMatch(/^URLhaus — popupEntries\|1234567/);
    expect(details.querySelector('summary')!.textContent).toBe('listSkipped|12');
    const reasons = [...details.querySelectorAll(':scope > ul > li')];
    expect(reasons.map((li) => li.firstChild?.textContent)).toEqual(['skipReasonCount|skipPublicSuffix|10', 'skipReasonCount|from-a-newer-version|2']);
    expect([...reasons[0]!.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['skipLine|3|co.uk', 'skipLine|9|0.0.0.0 com']);
    expect(reasons[1]!.querySelector('b')).toBeNull();
  });

  it('shows nothing more for a list without one (bundled lists, old bundles)', () => {
    const root = mount([{ id: 'court', title: 'Court', origin: 'court', count: 50 }]);
    expect(root.querySelector('[data-testid="skipped-lines"]')).toBeNull();
  });

  it('has a message, in every language, for every reason the importer gives', () => {
    for (const locale of ['en', 'ko', 'ja']) {
      const messages = JSON.parse(readFileSync(`extension/_locales/${locale}/messages.json`, 'utf8')) as Record<string, unknown>;
      expect(Object.values(SKIP_REASON_KEYS).filter((k) => !(k in messages))).toEqual([]);
    }
    expect(skipReasonText('cosmetic')).toBe('skipCosmetic');
  });
});
