// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkMarks } from '../../../src/content/link-marks.ts';
import { installLinkGuard } from '../../../src/content/link-guard.ts';
import type { DialogSpec, ShieldedDialog, Choice } from '../../../src/content/shielded-dialog.ts';
import type { DangerousHost } from '../../../src/messages/protocol.ts';
import { BLOCKED, SUSPECTED, installFakeRuntime } from './fake-runtime.ts';
import { trusted } from './trusted.ts';

// The worker words each mark (checkHosts); the marks show its words as they are.
const dangerous = new Map<string, DangerousHost>(
  [
    { host: 'evil.test', finding: BLOCKED, mark: 'leads to evil.test, listed' },
    { host: 'xn--micrsoft-qbh.com', finding: SUSPECTED, mark: 'leads to xn--micrsoft-qbh.com, like microsoft.com' },
  ].map((d) => [d.host, d]),
);

beforeEach(() => {
  installFakeRuntime();
  document.body.innerHTML = `
    <p><a id="bad" href="https://evil.test/login">bad</a>
    <a id="sus" href="https://xn--micrsoft-qbh.com/">sus</a>
    <a id="ok" href="https://ok.test/">ok</a></p>`;
});
afterEach(() => {
  document.body.innerHTML = '';
});

const byId = (id: string) => document.getElementById(id)!;

describe('LinkMarks', () => {
  it('takes the marks off the links to hosts no longer dangerous, and leaves the others marked', () => {
    const marks = new LinkMarks(document, (fn) => fn());
    marks.mark([byId('bad'), byId('sus')], dangerous);
    marks.unmark(new Set(['evil.test']));
    expect(byId('bad').hasAttribute('aria-description')).toBe(false);
    expect(byId('bad').style.getPropertyValue('outline')).toBe('');
    expect(byId('bad').previousSibling?.nodeName).not.toBe('SPAN'); // the badge went
    expect(byId('sus').getAttribute('aria-description')).toContain('like microsoft.com');
    expect(marks.count).toBe(1);
    marks.repair(); // nothing puts it back
    expect(byId('bad').hasAttribute('aria-description')).toBe(false);
  });

  it('stops re-inserting a badge the page keeps removing', () => {
    const marks = new LinkMarks(document, (fn) => fn());
    marks.mark([byId('bad')], dangerous);
    const badge = byId('bad').previousSibling as HTMLElement;
    let back = 0;
    for (let i = 0; i < 50; i++) {
      badge.remove();
      marks.repair();
      if (badge.isConnected) back++;
    }
    expect(back).toBe(20);
    expect(byId('bad').getAttribute('aria-description')).toBe('leads to evil.test, listed');
  });

  it('marks dangerous links with an outline, a shadow badge and a description', () => {
    const marks = new LinkMarks(document, (fn) => fn());
    marks.mark([byId('bad'), byId('sus'), byId('ok')], dangerous);
    expect(marks.count).toBe(2);
    const bad = byId('bad');
    expect(bad.getAttribute('aria-description')).toBe('leads to evil.test, listed');
    expect(byId('sus').getAttribute('aria-description')).toBe('leads to xn--micrsoft-qbh.com, like microsoft.com');
    expect(bad.style.getPropertyPriority('outline')).toBe('important');
    const badge = bad.previousSibling as HTMLElement;
    expect(badge.tagName).toBe('SPAN');
    expect(badge.shadowRoot).toBeNull(); // closed
    expect(badge.style.getPropertyValue('display')).toBe('inline-block');
    expect(byId('ok').hasAttribute('aria-description')).toBe(false);
    expect(byId('ok').getAttribute('style')).toBeNull();
  });

  it('restores what the page strips', () => {
    const marks = new LinkMarks(document, (fn) => fn());
    marks.mark([byId('bad')], dangerous);
    const bad = byId('bad');
    const badge = bad.previousSibling as HTMLElement;
    badge.remove();
    bad.removeAttribute('aria-description');
    bad.style.setProperty('outline', 'none', 'important');
    marks.repair();
    expect(bad.previousSibling).toBe(badge);
    expect(bad.getAttribute('aria-description')).toBe('leads to evil.test, listed');
    expect(bad.style.getPropertyValue('outline')).toContain('solid');
  });
});

function fakeDialogs() {
  const shown: DialogSpec[] = [];
  let answer: (c: Choice) => void = () => {};
  const showDialog = (spec: DialogSpec): ShieldedDialog => {
    shown.push(spec);
    const choice = new Promise<{ choice: Choice }>((r) => (answer = (c) => r({ choice: c })));
    return { choice, host: document.createElement('div'), dispose: () => {} };
  };
  return { shown, showDialog, answer: (c: Choice) => answer(c) };
}

describe('installLinkGuard', () => {
  // One window-level install for the file: listeners cannot be removed, as in production.
  const dialogs = fakeDialogs();
  const navigate = vi.fn();
  const report = { shown: vi.fn(async () => 3), chose: vi.fn() };
  installLinkGuard(window, {
    findingFor: (el) => {
      const host = (el as HTMLAnchorElement).hostname;
      const d = dangerous.get(host);
      return d ? [host, d.finding] : null;
    },
    showDialog: dialogs.showDialog,
    navigate,
    showWarningPage: vi.fn(),
    report,
  });

  it('stops a trusted click on a dangerous link and warns first', async () => {
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    byId('bad').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(dialogs.shown.at(-1)?.title).toBe('content_linkBlockedTitle');
    expect(report.shown).toHaveBeenLastCalledWith('link-click', 'https://evil.test/login');
    dialogs.answer('continue');
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('https://evil.test/login', false));
    expect(report.chose).toHaveBeenLastCalledWith(expect.any(Promise), 'continued');
  });

  it('middle-click asks too and continues into a new tab', async () => {
    navigate.mockClear();
    const aux = trusted(new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 1 }));
    byId('sus').dispatchEvent(aux);
    expect(aux.defaultPrevented).toBe(true);
    expect(dialogs.shown.at(-1)?.level).toBe('suspected');
    dialogs.answer('continue');
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('https://xn--micrsoft-qbh.com/', true));
  });

  it('going back does not navigate', async () => {
    navigate.mockClear();
    byId('bad').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    dialogs.answer('back');
    await new Promise((r) => setTimeout(r, 5));
    expect(navigate).not.toHaveBeenCalled();
    expect(report.chose).toHaveBeenLastCalledWith(expect.any(Promise), 'went-back');
  });

  it('blocks a page-synthesized click without showing a warning', () => {
    const before = dialogs.shown.length;
    const fake = new MouseEvent('click', { bubbles: true, cancelable: true });
    byId('bad').dispatchEvent(fake);
    expect(fake.defaultPrevented).toBe(true);
    expect(dialogs.shown.length).toBe(before);
  });

  it('leaves safe links alone', () => {
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    byId('ok').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });
});
