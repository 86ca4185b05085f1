// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  credentialTargets,
  crossOriginLoginForms,
  findPasswordFields,
  isUsernameField,
} from '../../../src/content/credential-detect.ts';
import { CredentialGuard, dangerIn } from '../../../src/content/credential-guard.ts';
import { deepShadowRoots } from '../../../src/content/page-roots.ts';
import type { Choice, DialogSpec, ShieldedDialog } from '../../../src/content/shielded-dialog.ts';
import type { PageAssessment } from '../../../src/messages/protocol.ts';
import { BLOCKED, SUSPECTED, installFakeRuntime } from './fake-runtime.ts';
import { trusted } from './trusted.ts';

const PAGE_HOST = 'localhost'; // happy-dom's default location

beforeEach(installFakeRuntime);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('credential detection', () => {
  // Same-origin frames need a real browser (happy-dom does not load frames): see
  // test/fixtures/pages/login-in-frame.html.
  it('finds password fields in the page and, when deep, in open shadow roots', () => {
    document.body.innerHTML = '<input type="password" id="p1"><div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><input type="password" id="p2"></div>';
    expect(findPasswordFields(document).map((i) => i.id)).toEqual(['p1']);
    expect(findPasswordFields(document, deepShadowRoots(document)).map((i) => i.id)).toEqual(['p1', 'p2']);
  });

  it('recognises username and email fields', () => {
    document.body.innerHTML = `
      <input id="a" type="email"><input id="b" name="loginfmt"><input id="c" autocomplete="username">
      <input id="d" name="q"><input id="e" type="checkbox" name="user">`;
    const ids = [...document.querySelectorAll('input')].filter(isUsernameField).map((i) => i.id);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('finds login forms posting to another origin, even with a clobbered action', () => {
    document.body.innerHTML = `
      <form id="x" action="https://collector.test/post"><input type="email"><input name="action"></form>
      <form id="y" action="/search"><input name="email"></form>
      <form id="z" action="https://other.test/"><input name="q"></form>`;
    expect(crossOriginLoginForms(document, PAGE_HOST).map((f) => f.id)).toEqual(['x']);
  });

  it('lists the hosts credential forms post to, not the page itself', () => {
    document.body.innerHTML = `
      <form action="https://evil.test/a"><input type="password" id="p"></form>
      <form action="/local"><input type="password" id="q"></form>`;
    const fields = findPasswordFields(document);
    expect(credentialTargets(document, fields, [], PAGE_HOST)).toEqual(['evil.test']);
  });
});

describe('dangerIn', () => {
  const base: PageAssessment = { page: null, targets: [], continued: false, continueMode: 'session' };
  it('prefers the page finding, then a target, and respects continue', () => {
    const page = { host: 'p.test', url: 'https://p.test/' };
    const mode = 'session';
    expect(dangerIn({ ...base, page: SUSPECTED }, page)).toEqual({ finding: SUSPECTED, host: 'p.test', url: page.url, context: 'page', mode });
    expect(dangerIn({ ...base, targets: [{ host: 'ok.test', finding: null }, { host: 'evil.test', finding: BLOCKED }] }, page))
      .toEqual({ finding: BLOCKED, host: 'evil.test', url: page.url, context: 'target', mode });
    expect(dangerIn({ ...base, page: BLOCKED, continued: true }, page)).toBeNull();
    expect(dangerIn(base, page)).toBeNull();
  });

  it("names the tab's top page, and continues for it, when that is what is dangerous (a clean frame in a look-alike)", () => {
    const top = { host: 'login.micros0ft.test', url: 'https://login.micros0ft.test/' };
    expect(dangerIn({ ...base, page: SUSPECTED, top }, { host: 'frame.test', url: 'https://frame.test/x' }))
      .toEqual({ finding: SUSPECTED, ...top, context: 'page', mode: 'session' });
  });
});

function harness(answer: PageAssessment) {
  const assess = vi.fn(async (_url: string, _targets: string[]) => answer);
  const proceed = vi.fn(async () => ({ ok: true }));
  const leave = vi.fn();
  const report = { shown: vi.fn(async () => 7), chose: vi.fn() };
  const shown: DialogSpec[] = [];
  let respond: (c: Choice) => void = () => {};
  const guard = new CredentialGuard(window, document, {
    assess,
    proceed,
    leave,
    showWarningPage: vi.fn(),
    report,
    schedule: (fn) => setTimeout(fn, 0),
    showDialog: (spec): ShieldedDialog => {
      shown.push(spec);
      const choice = new Promise<{ choice: Choice }>((r) => (respond = (c) => r({ choice: c })));
      return { choice, host: document.createElement('div'), dispose: () => {} };
    },
  });
  return { guard, assess, proceed, leave, report, shown, respond: (c: Choice) => respond(c) };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('CredentialGuard', () => {
  const danger: PageAssessment = { page: SUSPECTED, targets: [], continued: false, continueMode: 'session' };

  it('asks nothing and changes nothing on a page without credential fields', async () => {
    document.body.innerHTML = '<p>news</p><input name="q">';
    const h = harness(danger);
    h.guard.start();
    await tick();
    expect(h.assess).not.toHaveBeenCalled();
    h.guard.stop();
  });

  it('warns on a look-alike login page and holds the fields until the user continues', async () => {
    document.body.innerHTML = '<form action="/login"><input type="email"><input type="password" id="pw"></form>';
    const h = harness(danger);
    h.guard.start();
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    expect(h.assess).toHaveBeenCalledWith(location.href, []);
    expect(h.shown[0]?.level).toBe('suspected');
    const pw = document.getElementById('pw') as HTMLInputElement;
    expect(pw.disabled).toBe(true);
    expect(h.guard.hold.active).toBe(true);
    expect(h.report.shown).toHaveBeenCalledWith('credential-overlay', location.href);
    h.respond('continue');
    // The continue carries the report row's id; the worker records the choice with it.
    await vi.waitFor(() => expect(h.proceed).toHaveBeenCalledWith(location.href, undefined, 7));
    expect(h.report.chose).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(pw.disabled).toBe(false));
    expect(h.guard.hold.active).toBe(false);
    h.guard.stop();
  });

  it('judged again (the worker pushes rejudge), a page that was clean at load and is a look-alike now warns', async () => {
    document.body.innerHTML = '<form action="/login"><input type="password" id="pw"></form>';
    const clean: PageAssessment = { page: null, targets: [], continued: false, continueMode: 'session' };
    const h = harness(clean);
    h.guard.start();
    await tick();
    expect(h.shown).toHaveLength(0);
    h.assess.mockImplementation(async () => danger);
    h.guard.rejudge();
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    expect(h.shown[0]?.level).toBe('suspected');
    expect((document.getElementById('pw') as HTMLInputElement).disabled).toBe(true);
    h.guard.hold.release();
    h.guard.stop();
  });

  it('going back leaves the page and keeps fields held', async () => {
    document.body.innerHTML = '<input type="password" id="pw">';
    const h = harness(danger);
    h.guard.start();
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    h.respond('back');
    await vi.waitFor(() => expect(h.leave).toHaveBeenCalled());
    expect(h.proceed).not.toHaveBeenCalled();
    expect(h.report.chose).toHaveBeenCalledWith(expect.any(Promise), 'went-back');
    await expect(h.report.chose.mock.calls[0]![0]).resolves.toBe(7);
    expect(h.guard.hold.active).toBe(true);
    h.guard.hold.release();
    h.guard.stop();
  });

  it('detects a password field inserted later and asks about its form target once', async () => {
    document.body.innerHTML = '<p>loading</p>';
    const h = harness({ page: null, targets: [{ host: 'evil.test', finding: BLOCKED }], continued: false, continueMode: 'never' });
    h.guard.start();
    await tick();
    expect(h.assess).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', '<form action="https://evil.test/c"><input type="password"></form>');
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    expect(h.assess).toHaveBeenCalledTimes(1);
    expect(h.assess.mock.calls[0]?.[1]).toEqual(['evil.test']);
    expect(h.shown[0]?.title).toBe('content_targetBlockedTitle');
    expect(h.shown[0]?.continueLabel).toBeNull();
    h.guard.hold.release();
    h.guard.stop();
  });

  it('finds a password field created later inside an open shadow root, on a deep pass', async () => {
    document.body.innerHTML = '<login-widget></login-widget>';
    const h = harness(danger);
    h.guard.start();
    await tick();
    expect(h.assess).not.toHaveBeenCalled();
    const root = document.querySelector('login-widget')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input type="password">';
    await tick();
    expect(h.assess).not.toHaveBeenCalled(); // no mutation of the document to notice
    h.guard.check(deepShadowRoots(document)); // what main.ts's deep pass does
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    h.guard.hold.release();
    h.guard.stop();
  });

  it('checks when the user focuses an email field (first step of a sign-in)', async () => {
    document.body.innerHTML = '<input type="email" id="em">';
    const h = harness({ ...danger, page: null });
    h.guard.install();
    h.guard.start();
    await tick();
    expect(h.assess.mock.calls).toEqual([[location.href, []]]); // the page's own verdict, asked at document_start
    document.getElementById('em')!.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
    await vi.waitFor(() => expect(h.assess).toHaveBeenCalledTimes(2));
    h.guard.stop();
  });

  it('checks a field once, not on every keystroke (each check walks the whole page)', async () => {
    document.body.innerHTML = `<input type="email" id="em">${'<p>text</p>'.repeat(100)}`;
    const h = harness({ ...danger, page: null });
    h.guard.install();
    h.guard.start();
    await tick();
    const walks = vi.spyOn(Element.prototype, 'shadowRoot', 'get'); // read for every element by a deep walk
    for (let i = 0; i < 5; i++) document.getElementById('em')!.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true })));
    await vi.waitFor(() => expect(h.assess).toHaveBeenCalledTimes(2));
    const afterFirst = walks.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    document.getElementById('em')!.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true })));
    // A walk reads every element's root (100+ here); a keystroke reads only its target's (closed-root lookup).
    expect(afterFirst).toBeGreaterThan(100);
    expect(walks.mock.calls.length - afterFirst).toBeLessThanOrEqual(2);
    walks.mockRestore();
    h.guard.stop();
  });

  const key = (el: Element) => {
    const e = trusted(new KeyboardEvent('keydown', { key: 'h', bubbles: true, cancelable: true, composed: true }));
    el.dispatchEvent(e);
    return e;
  };

  it('on a dangerous page, the first key of any kind (a canvas reading keydown) brings up the warning and never reaches the page', async () => {
    document.body.innerHTML = '<canvas id="pad" tabindex="0"></canvas>';
    const seen: string[] = [];
    const h = harness(danger);
    h.guard.install();
    window.addEventListener('keydown', (e) => seen.push(e.key)); // the page's listener, registered after ours
    await tick();
    const e = key(document.getElementById('pad')!);
    expect(e.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(h.shown).toHaveLength(1);
    h.guard.hold.release();
    h.guard.stop();
  });

  it('on a dangerous page, the first press of a pointer (a PIN pad of plain elements) brings up the warning and never reaches the page', async () => {
    document.body.innerHTML = '<div id="digit">7</div>';
    const seen: string[] = [];
    const h = harness(danger);
    h.guard.install();
    window.addEventListener('pointerdown', (e) => seen.push(e.type));
    await tick();
    const e = trusted(new MouseEvent('pointerdown', { bubbles: true, cancelable: true, composed: true }));
    document.getElementById('digit')!.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(h.shown).toHaveLength(1);
    h.guard.hold.release();
    h.guard.stop();
  });

  it('a press on a page not known to be dangerous passes, even into a credential field while the verdict is pending', () => {
    document.body.innerHTML = '<input id="pw" type="password">';
    const h = harness(danger);
    h.assess.mockImplementation(() => new Promise(() => {})); // never answers
    h.guard.install();
    const e = trusted(new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true }));
    document.getElementById('pw')!.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
    expect(h.shown).toHaveLength(0);
    h.guard.stop();
  });

  it('until the verdict is known, keys into credential entry (contenteditable, autocomplete=current-password) are stopped; others pass', () => {
    document.body.innerHTML = '<div id="ce" contenteditable="true"></div><input id="ac" autocomplete="current-password"><input id="q" name="q">';
    const h = harness(danger);
    h.assess.mockImplementation(() => new Promise(() => {})); // never answers
    h.guard.install();
    expect(key(document.getElementById('ce')!).defaultPrevented).toBe(true);
    expect(key(document.getElementById('ac')!).defaultPrevented).toBe(true);
    expect(key(document.getElementById('q')!).defaultPrevented).toBe(false);
    h.guard.stop();
  });

  it('when the worker cannot answer, the field stays held and is asked about again (fails closed)', async () => {
    document.body.innerHTML = '<input type="password" id="pw">';
    const h = harness(danger);
    h.assess.mockImplementation(async () => {
      throw new Error('request refused');
    });
    h.guard.install();
    h.guard.start();
    await tick();
    const pw = document.getElementById('pw') as HTMLInputElement;
    expect(pw.disabled).toBe(true);
    const calls = h.assess.mock.calls.length;
    expect(key(pw).defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(h.assess.mock.calls.length).toBeGreaterThan(calls));
    expect(pw.disabled).toBe(true);
    h.guard.hold.release();
    h.guard.stop();
  });

  it('while held, swallows submits and typing in credential fields', () => {
    document.body.innerHTML = '<form><input type="password" id="pw"><input name="q" id="q"></form>';
    const h = harness(danger);
    h.guard.install();
    h.guard.hold.hold([]);
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    document.querySelector('form')!.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    const key = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true, composed: true });
    document.getElementById('pw')!.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    const other = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true, composed: true });
    document.getElementById('q')!.dispatchEvent(other);
    expect(other.defaultPrevented).toBe(false);
    h.guard.hold.release();
    const after = new Event('submit', { bubbles: true, cancelable: true });
    document.querySelector('form')!.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
