// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { installInputShield, shield, shieldActive } from '../../../src/content/input-shield.ts';
import { trusted } from './trusted.ts';

installInputShield(window); // before the page's listeners, as main.ts does at document_start
const pageSaw: string[] = [];
for (const type of ['keydown', 'input', 'click', 'pointermove', 'focusin']) {
  window.addEventListener(type, (e) => pageSaw.push(e.type), true);
  document.addEventListener(type, (e) => pageSaw.push(e.type));
}

const key = (target: EventTarget, k: string) => {
  const e = trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true }));
  target.dispatchEvent(e);
  return e;
};

function setup() {
  pageSaw.length = 0;
  document.body.innerHTML = '<input id="field"><div id="warning"></div>';
  const ours = document.getElementById('warning') as HTMLElement;
  const field = document.getElementById('field') as HTMLElement;
  const s = { owns: (e: Event) => e.target === ours, deliver: vi.fn(), stray: vi.fn() };
  return { ours, field, s };
}

describe('input shield', () => {
  it('while a warning is up, the page gets no user event: its own are cancelled, the warning\'s are handed to it uncancelled', () => {
    const { ours, field, s } = setup();
    const release = shield(s);
    expect(shieldActive()).toBe(true);
    const forPage = key(field, 'h');
    const forUs = key(ours, 'Tab');
    field.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
    field.dispatchEvent(trusted(new PointerEvent('pointermove', { bubbles: true, composed: true })));
    expect(pageSaw).toEqual([]);
    expect(forPage.defaultPrevented).toBe(true);
    expect(forUs.defaultPrevented).toBe(false); // Tab still moves focus inside the warning
    expect(s.deliver).toHaveBeenCalledWith(forUs);
    expect(s.stray).toHaveBeenCalledWith(forPage); // a key that went to the page: the warning takes the focus back
    release();
  });

  it('does nothing once released, and never touches the page\'s own synthetic events', () => {
    const { field, s } = setup();
    shield(s)();
    expect(shieldActive()).toBe(false);
    expect(key(field, 'h').defaultPrevented).toBe(false);
    const release = shield(s);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true })); // untrusted: the page talking to itself
    release();
    expect(pageSaw).toEqual(['keydown', 'keydown', 'keydown', 'keydown']);
    expect(s.deliver).not.toHaveBeenCalled();
  });
});
