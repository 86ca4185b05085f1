// @vitest-environment happy-dom
// The options page against a fake worker: what the organisation manages is
// locked, and saving sends only the user's own, validated values.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { Request, StatusResponse, UserSettingsView } from '../../../src/messages/protocol.ts';
import { defaultSettings } from '../../../src/core/policy/index.ts';

const sent: Request[] = [];
let view: UserSettingsView;
const requested = { hosts: 0 };

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: { i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' } },
}));
vi.mock('../../../src/platform/permissions.ts', () => ({
  hasAllHosts: async () => false,
  onHostAccessChanged: () => undefined,
  requestAllHosts: () => {
    requested.hosts++;
    return Promise.resolve(true);
  },
}));
vi.mock('../../../src/platform/messaging.ts', () => ({
  ask: async (r: Request) => {
    sent.push(r);
    if (r.type === 'getUserSettings') return view;
    if (r.type === 'status') return STATUS;
    if (r.type === 'sessionAllows') return { pages: [], credentials: [] };
    if (r.type === 'setUserSettings') return { ok: true };
    throw new Error(`unexpected ${r.type}`);
  },
}));

const STATUS: StatusResponse = {
  version: 'v', lists: [], adminBundle: null, problems: [], managedKeys: [], allowedEntries: 0,
  update: { lastCheck: null, lastSuccess: null, seq: null, lastError: null, nextCheck: null, failures: 0 },
};

const { Options } = await import('../../../src/ui/options/Options.tsx');

const settle = () => new Promise((r) => setTimeout(r, 20));
const byTestId = <T extends Element>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

async function mountOptions(v: UserSettingsView): Promise<void> {
  view = v;
  sent.length = 0;
  const root = document.createElement('div');
  document.body.append(root);
  render(<Options />, root);
  for (let i = 0; i < 10 && !byTestId('save'); i++) await settle();
}

function type(el: HTMLTextAreaElement, text: string): void {
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('options page', () => {
  it('locks what the organisation sets and saves only the user\'s valid values', async () => {
    const effective = { ...defaultSettings(), bundledListsEnabled: true, allowedEntries: ['org-allowed.test/'], blockedEntries: ['org.test/', 'mine.test/'] };
    await mountOptions({ user: { blockedEntries: ['mine.test/'], continueMinutes: 30 }, effective, managedKeys: ['bundledListsEnabled', 'allowedEntries', 'blockedEntries'] });
    expect(byTestId<HTMLInputElement>('bundled').disabled).toBe(true);
    expect(byTestId<HTMLTextAreaElement>('input-allowed').readOnly).toBe(true);
    expect(byTestId<HTMLTextAreaElement>('input-allowed').value).toBe('org-allowed.test/');
    // blockedEntries is additive: the organisation's entry is shown apart, the user's stays editable.
    expect(byTestId('field-blocked').querySelector('.org-values li')?.textContent).toBe('org.test/');
    const blocked = byTestId<HTMLTextAreaElement>('input-blocked');
    expect(blocked.readOnly).toBe(false);
    expect(blocked.value).toBe('mine.test/');

    type(blocked, 'mine.test\nnew.test\nnot valid at all');
    type(byTestId<HTMLTextAreaElement>('input-protected'), 'mybank.test');
    await settle(); // let preact re-render, as separate user events would
    byTestId<HTMLButtonElement>('save').click();
    await settle();
    const save = sent.find((r) => r.type === 'setUserSettings');
    expect(save).toEqual({
      type: 'setUserSettings',
      settings: { blockedEntries: ['mine.test/', 'new.test/'], protectedDomains: ['mybank.test'], protectedLogins: [], continueMinutes: 30 },
    });
    expect(byTestId('errors-blocked').textContent).toMatch(/^optionsBlockedName:3: /);
    expect(byTestId('save-result').textContent).toBe('optionsSavedWithErrors');
  });

  it('says when access to websites is withheld, and asks for it in the click itself', async () => {
    await mountOptions({ user: {}, effective: defaultSettings(), managedKeys: [] });
    const notice = byTestId('host-access');
    expect(notice.getAttribute('role')).toBe('alert');
    requested.hosts = 0;
    notice.querySelector('button')!.click();
    expect(requested.hosts).toBe(1); // synchronously, while the click's user gesture lasts
    await settle();
    expect(document.querySelector('[data-testid="host-access"]')).toBeNull();
  });
});
