// @vitest-environment happy-dom
// The popup's verdict and the options' entry field, rendered: what a screen
// reader is told (roles, names, descriptions) and which state is shown.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { UrlCheck } from '../../../src/messages/protocol.ts';

// getMessage echoes the key and its substitutions, so tests see which message and values were used.
vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join('|'),
      getUILanguage: () => 'en',
    },
  },
}));

const { VerdictView } = await import('../../../src/ui/popup/VerdictView.tsx');
const { EntriesField } = await import('../../../src/ui/options/EntriesField.tsx');

const verdict = (host: string | null, v: 'warn' | 'ok' | 'invalid') => ({ input: host ?? '', canonical: null, host, verdict: v, match: null });
const BLOCKED: UrlCheck = {
  url: 'http://bitwoll.com/x',
  verdict: verdict('bitwoll.com', 'warn'),
  finding: {
    level: 'blocked',
    match: { entry: 'bitwoll.com/', list: 'thallium', line: 12 },
    list: { id: 'thallium', title: 'Microsoft v. Thallium', origin: 'court', court: 'E.D. Va.', count: 50 },
  },
  report: { url: null, subject: 'Takedown Guard: possible mistake in list thallium', text: 'Entry: bitwoll.com/' },
};

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('VerdictView', () => {
  it('shows a blocked verdict with the matched entry, its list and line, and the prepared report', () => {
    const root = mount(<VerdictView check={BLOCKED} testid="v" />);
    const el = root.querySelector('[data-testid="v"]')!;
    expect(el.getAttribute('data-verdict')).toBe('blocked');
    expect(el.textContent).toContain('verdictBlocked|bitwoll.com');
    expect([...el.querySelectorAll('dd')].map((d) => d.textContent)).toEqual(['bitwoll.com/', 'Microsoft v. Thallium', 'E.D. Va.', 'thallium:12']);
    const report = root.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]')!;
    expect(report.value).toBe('Takedown Guard: possible mistake in list thallium\n\nEntry: bitwoll.com/');
    expect(root.querySelector(`label[for="${report.id}"]`)).not.toBeNull();
  });

  it.each([
    [{ ...BLOCKED, finding: { level: 'suspected', imitates: 'microsoft.com', brand: 'Microsoft', rule: 'skeleton', part: 'micr0soft', written: '0', means: 'o' } } as UrlCheck, 'suspected', 'verdictSuspected|bitwoll.com|microsoft.com'],
    [{ url: 'http://fine.test/', verdict: verdict('fine.test', 'ok'), finding: null }, 'ok', 'verdictOk|fine.test'],
    [{ url: '::', verdict: verdict(null, 'invalid'), finding: null }, 'invalid', 'verdictInvalid'],
    [null, 'unjudged', 'verdictNotJudged'],
  ])('shows the %#th kind of verdict', (check, kind, text) => {
    const el = mount(<VerdictView check={check} testid="v" />).querySelector('[data-testid="v"]')!;
    expect(el.getAttribute('data-verdict')).toBe(kind);
    expect(el.textContent).toContain(text);
  });
});

describe('EntriesField', () => {
  const props = { id: 'blocked', title: 'T', help: 'H', text: 'a.test', onInput: () => undefined, orgValues: [] as string[], errors: [] as string[] };

  it('names the text area and describes it with the help, the lock and the line errors', () => {
    const root = mount(<EntriesField {...props} locked errors={['blocked:2: bad']} />);
    const area = root.querySelector('textarea')!;
    expect(root.querySelector(`label[for="${area.id}"]`)?.textContent).toBe('optionsYourEntries');
    const described = area.getAttribute('aria-describedby')!.split(' ').map((id) => root.querySelector(`#${id}`)?.textContent);
    expect(described).toEqual(['H', '🔒 lockedByOrganisation', 'blocked:2: bad']);
    expect(area.readOnly).toBe(true);
    expect(area.getAttribute('aria-invalid')).toBe('true');
  });

  it('is editable when not managed, and lists what the organisation adds', () => {
    const root = mount(<EntriesField {...props} locked={false} orgValues={['org.test/']} />);
    expect(root.querySelector('textarea')!.readOnly).toBe(false);
    expect(root.querySelector('[data-testid="locked"]')).toBeNull();
    expect(root.querySelector('.org-values li')?.textContent).toBe('org.test/');
  });
});
