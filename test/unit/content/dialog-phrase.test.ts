// @vitest-environment happy-dom
// The security phrase in the overlay: as text inside the closed root (never
// markup, never an attribute the page could read), the invitation when none is
// set, nothing when the worker does not answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogSpec, PhraseText } from '../../../src/content/shielded-dialog.ts';
import type { Ask } from '../../../src/content/ask-worker.ts';
import { installFakeRuntime } from './fake-runtime.ts';

// Keep the closed roots the dialog makes (the page cannot; the test must).
const roots: ShadowRoot[] = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init: ShadowRootInit) {
  const r = attach.call(this, init);
  roots.push(r);
  return r;
};
const { showShieldedDialog } = await import('../../../src/content/shielded-dialog.ts');
const { askSecurityPhrase } = await import('../../../src/content/security-phrase.ts');
const { INPUT_PROTECTION_MS } = await import('../../../src/content/dialog-input.ts');
const { cssString } = await import('../../../src/content/dialog-style.ts');

const spec: DialogSpec = { level: 'suspected', badge: 'B', title: 'T', paragraphs: ['p'], backLabel: 'Back', continueLabel: 'Continue' };
const PHRASE = 'Blue <b>otter</b> & 42';
const onScreen = () => true;

beforeEach(installFakeRuntime);
afterEach(() => {
  roots.length = 0;
  document.documentElement.querySelectorAll(':scope > div').forEach((d) => d.remove());
});

function phraseLine(): HTMLElement {
  const line = roots.at(-1)?.querySelector<HTMLElement>('.phrase');
  if (!line) throw new Error('no phrase line');
  return line;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('overlay security phrase', () => {
  it('draws the phrase as CSS generated content inside the closed root (no text node for window.find), nowhere the page can read', async () => {
    const d = showShieldedDialog(document, { ...spec, phrase: Promise.resolve<PhraseText>({ label: 'Your phrase:', phrase: PHRASE }) }, onScreen);
    await settle();
    expect(phraseLine().querySelector('span')?.textContent).toBe('Your phrase:');
    expect(phraseLine().querySelector('strong')?.textContent).toBe('');
    expect(phraseLine().querySelector('b')).toBeNull();
    expect(phraseLine().querySelector('style')?.textContent).toBe(`.phrase-text::after { content: ${cssString(PHRASE)}; }`);
    const page = [document.documentElement.outerHTML, document.body.textContent ?? ''].join();
    expect(page).not.toContain('otter');
    const attrs = [...roots.at(-1)!.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value)).join();
    expect(attrs).not.toContain('otter');
    d.dispose();
  });

  it('stays empty (hidden by style) until the answer, and without one', async () => {
    let answer: (t: PhraseText | null) => void = () => undefined;
    const d = showShieldedDialog(document, { ...spec, phrase: new Promise((r) => (answer = r)) }, onScreen);
    expect(phraseLine().childNodes).toHaveLength(0);
    answer(null);
    await settle();
    expect(phraseLine().childNodes).toHaveLength(0);
    d.dispose();
  });

  it('restarts the click-jacking delay when the line arrives (it moves the buttons)', async () => {
    let answer: (t: PhraseText | null) => void = () => undefined;
    const d = showShieldedDialog(document, { ...spec, phrase: new Promise((r) => (answer = r)) }, onScreen);
    const cont = () => [...roots.at(-1)!.querySelectorAll('button')].find((b) => b.textContent === 'Continue')!;
    await new Promise((r) => setTimeout(r, INPUT_PROTECTION_MS + 100));
    expect(cont().disabled).toBe(false);
    answer({ label: 'Your phrase:', phrase: 'otter' });
    await settle();
    expect(cont().disabled).toBe(true);
    d.dispose();
  });

  it('escapes every code point of the phrase as a CSS string', () => {
    expect(cssString('a"\\')).toBe('"\\000061\\000022\\00005c"');
    expect(cssString('😀')).toBe('"\\01f600"');
    // What a CSS parser makes of it is the phrase again, whatever it holds.
    const style = document.createElement('style');
    style.textContent = `p::after { content: ${cssString(PHRASE + '"; } * { x')}; }`;
    document.head.append(style);
    expect(style.sheet?.cssRules).toHaveLength(1);
    style.remove();
  });

  it('asks the worker each time; none set gives the invitation, a failure or odd answer no line', async () => {
    const reply = (v: unknown): Ask => (async () => v) as unknown as Ask;
    expect(await askSecurityPhrase(reply({ phrase: PHRASE }))).toEqual({ label: 'securityPhraseLabel', phrase: PHRASE });
    expect(await askSecurityPhrase(reply({ phrase: null }))).toEqual({ label: 'securityPhraseNone' });
    expect(await askSecurityPhrase(reply({ phrase: 42 }))).toBeNull();
    expect(await askSecurityPhrase(reply(undefined))).toBeNull();
    expect(await askSecurityPhrase((async () => Promise.reject(new Error('no worker'))) as unknown as Ask)).toBeNull();
  });
});
