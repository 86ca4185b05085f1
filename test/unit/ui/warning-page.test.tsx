// @vitest-environment happy-dom
// The full-page warning for each verdict of the URL after '#': a look-alike
// (the page can link here with any URL) is warned about by name, never
// "not on any list, you can open it"; real warnings carry the security phrase.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { Finding, LookupResult, Request } from '../../../src/messages/protocol.ts';

let finding: Finding | null = null;
let phrase: string | null = null;
let pass: { ok: true; url: string } | { ok: false; error: string } = { ok: false, error: 'loop' };
const asked: Request[] = [];
vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join('|'),
      getUILanguage: () => 'en',
    },
    runtime: {
      sendMessage: async (r: Request) => {
        asked.push(r);
        if (r.type === 'passHeld') return { ok: true, value: pass };
        if (r.type === 'securityPhrase') return { ok: true, value: { phrase } };
        if (r.type === 'proceed' || r.type === 'stopShown' || r.type === 'stopChoice') return { ok: true, value: { ok: true, id: 1 } };
        const host = new URL((r as { url: string }).url).hostname;
        const value: LookupResult = { verdict: { input: '', canonical: null, host, verdict: finding?.level === 'blocked' ? 'warn' : 'ok', match: null }, finding, continueMode: 'session' };
        return { ok: true, value };
      },
    },
  },
}));

const { WarningPage } = await import('../../../src/ui/warning/WarningPage.tsx');

async function mount(url: string, framed = false): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  render(<WarningPage url={url} framed={framed} />, root);
  await vi.waitFor(() => expect(root.querySelector('main[aria-busy]')).toBeNull());
  await new Promise((r) => setTimeout(r, 10)); // the phrase's own answer
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
  finding = null;
  phrase = null;
  pass = { ok: false, error: 'loop' };
  asked.length = 0;
  vi.restoreAllMocks();
});

const LOOKALIKE: Finding = { level: 'suspected', imitates: 'microsoft.com', brand: 'Microsoft', rule: 'skeleton', part: 'micr0soft', written: '0', means: 'o' };
const BLOCKED: Finding = {
  level: 'blocked',
  match: { entry: 'bitwoll.com/', list: 'thallium', line: 3 },
  list: { id: 'thallium', title: 'Microsoft v. Thallium', origin: 'court', count: 50 },
};

describe('WarningPage', () => {
  it('warns about a look-alike by the domain it imitates, with Go back first and no "open the site"', async () => {
    finding = LOOKALIKE;
    const root = await mount('http://login.micros0ft.test/');
    expect(root.querySelector('h1')?.textContent).toBe('content_pageSuspectedTitle|microsoft.com');
    expect(root.textContent).toContain('content_suspectedDetail|login.micros0ft.test|microsoft.com');
    expect(root.textContent).toContain('content_reasonSubstitution|login.micros0ft.test|microsoft.com|Microsoft|micr0soft|0|o');
    expect(root.textContent).not.toContain('warningNotListedAnyMore');
    expect(root.textContent).not.toContain('warningOpenSite');
    expect(root.querySelector('main')?.className).toBe('suspected');
    expect(root.querySelector('[data-testid="go-back"]')).not.toBeNull();
  });

  it('shows the phrase as text on a real warning, the invitation when none is set', async () => {
    finding = BLOCKED;
    phrase = '<b>otter</b>';
    let root = await mount('http://bitwoll.com/');
    const line = root.querySelector('[data-testid="security-phrase"]')!;
    expect(line.textContent).toBe('securityPhraseLabel <b>otter</b>');
    expect(line.querySelector('b')).toBeNull();
    document.body.innerHTML = '';
    phrase = null;
    root = await mount('http://bitwoll.com/');
    expect(root.querySelector('[data-testid="security-phrase"]')?.textContent).toBe('securityPhraseNone');
  });

  it('opens an address on no list at once, through the pass the worker gives (path entries held whole)', async () => {
    pass = { ok: true, url: 'http://held.test/a%2Ab' };
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => undefined);
    for (const framed of [false, true]) {
      render(<WarningPage url="http://held.test/a*b" framed={framed} />, document.body.appendChild(document.createElement('div')));
      await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('http://held.test/a%2Ab'));
      replace.mockClear();
    }
    expect(asked.filter((r) => r.type === 'passHeld')).toEqual([{ type: 'passHeld', url: 'http://held.test/a*b' }, { type: 'passHeld', url: 'http://held.test/a*b' }]);
  });

  it('opens a look-alike page the user already continued on through its pass; warns when the pass is refused', async () => {
    finding = LOOKALIKE;
    pass = { ok: true, url: 'http://micros0ft.test/signin' };
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => undefined);
    render(<WarningPage url="http://micros0ft.test/signin" />, document.body.appendChild(document.createElement('div')));
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('http://micros0ft.test/signin'));
    expect(document.body.querySelector('[data-testid="continue"]')).toBeNull();
  });

  it('after "Continue" on a look-alike, opens it through the pass (a held host would bring the warning back); a listed page opens as it is', async () => {
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => undefined);
    finding = LOOKALIKE;
    let root = await mount('http://micros0ft.test/signin');
    pass = { ok: true, url: 'http://micros0ft.test/signin' };
    root.querySelector<HTMLButtonElement>('[data-testid="continue"]')!.click();
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('http://micros0ft.test/signin'));
    expect(asked.filter((r) => r.type === 'passHeld')).toHaveLength(2); // on load (refused), after the continue
    document.body.innerHTML = '';
    asked.length = 0;
    replace.mockClear();
    finding = BLOCKED;
    root = await mount('http://bitwoll.com/');
    root.querySelector<HTMLButtonElement>('[data-testid="continue"]')!.click();
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('http://bitwoll.com/'));
    expect(asked.filter((r) => r.type === 'passHeld')).toEqual([]);
  });

  it('shows no phrase for an address on no list whose pass was refused, nor in a framed copy', async () => {
    phrase = 'otter';
    let root = await mount('http://fine.test/');
    await vi.waitFor(() => expect(root.textContent).toContain('warningNotListedAnyMore'));
    expect(root.textContent).not.toContain('otter');
    document.body.innerHTML = '';
    finding = BLOCKED;
    root = await mount('http://bitwoll.com/', true);
    expect(root.querySelector('[data-testid="framed"]')).not.toBeNull();
    expect(root.textContent).not.toContain('otter');
  });
});
