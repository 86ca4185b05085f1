// @vitest-environment happy-dom
// The content script's alert flow with a fake worker and dialog: which words,
// which buttons, and what each answer does. One window for the file: each
// test uses its own password (earlier listeners stay).
import { describe, expect, it, vi } from 'vitest';
import { installPasswordAlert } from '../../../src/content/password-alert.ts';
import type { DialogSpec, ShieldedDialog, Choice } from '../../../src/content/shielded-dialog.ts';
import type { PasswordScope } from '../../../src/messages/protocol.ts';
import { newSalt } from '../../../src/core/password-alert/hash.ts';
import { syncHmacKey, syncTruncatedHmac } from '../../../src/core/password-alert/sync-hmac.ts';
import { trusted } from './trusted.ts';
import { installFakeRuntime } from './fake-runtime.ts';

installFakeRuntime();

async function setUp(password: string, scope: Partial<Extract<PasswordScope, { mode: 'watch' }>>, answer: Choice) {
  const salt = newSalt();
  const watch: PasswordScope = {
    mode: 'watch', salt, changeUrl: null, ownSite: true,
    passwords: [{ label: 'login.example.org', length: password.length, hash: syncTruncatedHmac(syncHmacKey(salt), password, 32) }],
    ...scope,
  };
  const asked: Array<Record<string, unknown>> = [];
  const ask = vi.fn(async (r: Record<string, unknown>) => (asked.push(r), r.type === 'passwordScope' ? watch : { ok: true }));
  const specs: DialogSpec[] = [];
  const showDialog = (spec: DialogSpec): ShieldedDialog => (specs.push(spec), { choice: Promise.resolve({ choice: answer }), dispose: () => undefined, host: document.createElement('div') });
  const deps = { ask: ask as never, showDialog, leave: vi.fn(), open: vi.fn() };
  installPasswordAlert(window, document, deps);
  await new Promise((r) => setTimeout(r, 0));
  document.body.innerHTML = '<input id="f">';
  const field = document.getElementById('f') as HTMLInputElement;
  window.dispatchEvent(trusted(new Event('pointerdown')));
  field.value = `x ${password}`;
  field.dispatchEvent(trusted(new InputEvent('input', { bubbles: true })));
  await new Promise((r) => setTimeout(r, 0));
  return { asked, specs, deps, field };
}

describe('password alert flow', () => {
  it('with the admin\'s change page: says so, and its main button opens it', async () => {
    const { asked, specs, deps } = await setUp('flow-secret-1', { changeUrl: 'https://account.example.org/password', ownSite: false }, 'back');
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({ backLabel: 'content_pwAlertChange', continueLabel: null, delayBack: true });
    expect(specs[0]!.paragraphs[1]).toMatch(/^content_pwAlertChangeLink\|login.example.org/);
    expect(asked).toContainEqual({ type: 'passwordAlert', account: 'login.example.org' });
    expect(asked).toContainEqual({ type: 'passwordAlertChoice', account: 'login.example.org', choice: 'change' });
    expect(deps.open).toHaveBeenCalledWith('https://account.example.org/password');
    expect(deps.leave).not.toHaveBeenCalled();
  });

  it('"This is my own site" releases the fields once the worker agreed', async () => {
    const { asked, specs, deps, field } = await setUp('flow-secret-2', {}, 'continue');
    expect(specs[0]).toMatchObject({ backLabel: 'content_pwAlertLeave', continueLabel: 'content_pwAlertOwnSite' });
    expect(asked).toContainEqual({ type: 'passwordAlertChoice', account: 'login.example.org', choice: 'own-site' });
    await new Promise((r) => setTimeout(r, 0));
    expect(field.disabled).toBe(false);
    expect(deps.leave).not.toHaveBeenCalled();
  });
});
