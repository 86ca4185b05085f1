// @vitest-environment happy-dom
// Listeners of earlier tests' watchers stay on the one window: each test uses its own password.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasswordWatch } from '../../../src/content/password-watch.ts';
import { hasherFor, type WatchedPassword } from '../../../src/core/password-alert/matcher.ts';
import { syncHmacKey, syncTruncatedHmac } from '../../../src/core/password-alert/sync-hmac.ts';
import { newSalt } from '../../../src/core/password-alert/hash.ts';
import { trusted } from './trusted.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

function watching(password: string) {
  const salt = newSalt();
  const key = syncHmacKey(salt);
  const stored: WatchedPassword[] = [{ label: 'login.example.org', length: password.length, hash: syncTruncatedHmac(key, password, 32) }];
  const alert = vi.fn(() => new Promise<{ choice: 'back' }>(() => undefined));
  const watch = new PasswordWatch(window, document, { alert });
  watch.install();
  watch.start(stored, hasherFor(key));
  document.body.innerHTML = '<form><input type="text" id="f"><input type="password" id="p"></form>';
  const field = document.getElementById('f') as HTMLInputElement;
  const pageSaw: string[] = [];
  field.addEventListener('input', () => pageSaw.push(field.value));
  return { alert, field, pageSaw };
}

/** The user types `text` key by key: a trusted keydown, the value changes, a trusted input. */
function type(field: HTMLInputElement, text: string, init: InputEventInit = {}): void {
  for (const ch of text) {
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: ch })));
    field.value += ch;
    field.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ch, ...init })));
  }
}

describe('PasswordWatch', () => {
  it('alerts on the key that completes the password; the page never sees that input, the fields are held', () => {
    const { alert, field, pageSaw } = watching('first-secret');
    type(field, 'xx first-secret');
    expect(alert).toHaveBeenCalledTimes(1);
    expect(alert.mock.calls[0]).toEqual([expect.objectContaining({ label: 'login.example.org' })]);
    expect(pageSaw.at(-1)).toBe('xx first-secre');
    expect(field.disabled).toBe(true);
    expect((document.getElementById('p') as HTMLInputElement).disabled).toBe(true);
  });

  it('never compares during an IME composition', () => {
    const { alert, field } = watching('second-secret');
    window.dispatchEvent(trusted(new CompositionEvent('compositionstart')));
    type(field, 'second-secret', { isComposing: true });
    window.dispatchEvent(trusted(new CompositionEvent('compositionend')));
    expect(alert).not.toHaveBeenCalled();
  });

  it('ignores the page\'s own synthetic input events', () => {
    const { alert, field } = watching('third-secret');
    field.value = 'third-secret';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(alert).not.toHaveBeenCalled();
  });

  it('is no oracle: trusted input the user did not cause (execCommand) pays for 2 comparisons only', () => {
    const { alert, field } = watching('fourth-secret');
    for (const guess of ['guess-one-xxx', 'guess-two-xxx', 'fourth-secret']) {
      field.value = guess;
      field.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, inputType: 'insertText' })));
    }
    expect(alert).not.toHaveBeenCalled();
    // A user's click (autofill picked from the browser's list) pays again.
    window.dispatchEvent(trusted(new Event('pointerdown')));
    field.dispatchEvent(trusted(new InputEvent('input', { bubbles: true })));
    expect(alert).toHaveBeenCalledTimes(1);
  });
});
