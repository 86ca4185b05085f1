// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { showShieldedDialog, type DialogSpec } from '../../../src/content/shielded-dialog.ts';
import { dialogSpecFor } from '../../../src/content/finding-text.ts';
import { BLOCKED, SUSPECTED, installFakeRuntime } from './fake-runtime.ts';

const spec: DialogSpec = {
  level: 'blocked',
  badge: 'Blocked',
  title: 'Do not sign in',
  paragraphs: ['evil.test is listed'],
  provenance: ['entry evil.test/'],
  backLabel: 'Go back',
  continueLabel: 'Continue anyway',
};

/** happy-dom has no layout: the warning is taken to be on screen, except where a test says otherwise. */
const onScreen = () => true;

beforeEach(installFakeRuntime);
afterEach(() => {
  document.documentElement.querySelectorAll(':scope > div').forEach((d) => d.remove());
});

describe('showShieldedDialog', () => {
  it('renders in a closed shadow root on <html>, invisible to page queries', () => {
    const d = showShieldedDialog(document, spec, onScreen);
    expect(d.host.parentNode).toBe(document.documentElement);
    expect(d.host.shadowRoot).toBeNull(); // closed
    expect(document.querySelector('dialog')).toBeNull();
    expect(d.host.style.getPropertyPriority('display')).toBe('important');
    d.dispose();
  });

  it('puts itself back when the page removes it or strips its style', async () => {
    const d = showShieldedDialog(document, spec, onScreen);
    d.host.remove();
    d.host.setAttribute('style', 'display:none');
    d.host.setAttribute('hidden', '');
    document.documentElement.setAttribute('inert', '');
    await keeperCheck();
    expect(d.host.isConnected).toBe(true);
    expect(d.host.style.getPropertyValue('display')).toBe('block');
    expect(d.host.hasAttribute('hidden')).toBe(false);
    expect(document.documentElement.hasAttribute('inert')).toBe(false);
    d.dispose();
  });

  it('moves into a closed shadow root on <body> when the page keeps removing it', async () => {
    const d = showShieldedDialog(document, spec, onScreen);
    for (let i = 0; i < 3; i++) {
      d.host.remove();
      await keeperCheck();
    }
    expect(d.host.isConnected).toBe(true);
    expect(d.host.parentNode).not.toBe(document.documentElement);
    expect(document.documentElement.contains(d.host)).toBe(false); // invisible to page queries
    expect(document.body.shadowRoot).toBeNull(); // closed
    d.dispose();
  });

  it('ignores untrusted clicks and cannot be answered by the page', async () => {
    const d = showShieldedDialog(document, spec, onScreen);
    d.host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const settled = await Promise.race([d.choice.then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);
    expect(settled).toBe(false);
    expect(d.host.isConnected).toBe(true);
    d.dispose();
    expect(d.host.isConnected).toBe(false);
  });
});

describe('dialogSpecFor', () => {
  it('blocked: firm words with provenance, continue allowed by mode', () => {
    const s = dialogSpecFor(BLOCKED, 'evil.test', 'page', 'session');
    expect(s.level).toBe('blocked');
    expect(s.title).toBe('content_pageBlockedTitle');
    expect(s.paragraphs[0]).toBe('content_blockedDetail|evil.test');
    expect(s.provenance).toEqual([
      'content_provenance|evil.test/|Microsoft v. Thallium',
      'content_provenanceCourt|E.D. Va.|2019-12-18',
    ]);
    expect(s.continueLabel).toBe('content_continue');
  });

  it('suspected: hedged, names the imitated domain and the rule', () => {
    const s = dialogSpecFor(SUSPECTED, 'xn--micrsoft-qbh.com', 'page', 'session');
    expect(s.level).toBe('suspected');
    expect(s.title).toBe('content_pageSuspectedTitle|microsoft.com');
    expect(s.paragraphs).toContain('content_suspectedDetail|xn--micrsoft-qbh.com|microsoft.com');
    expect(s.paragraphs).toContain('content_reasonSubstitution|xn--micrsoft-qbh.com|microsoft.com|Microsoft|micr0soft|0|o');
    expect(s.provenance).toBeUndefined();
  });

  it('follows the continue policy', () => {
    expect(dialogSpecFor(BLOCKED, 'evil.test', 'page', 'never').continueLabel).toBeNull();
    expect(dialogSpecFor(BLOCKED, 'evil.test', 'page', 'timed-with-reason').reasonLabel).toBe('content_reasonLabel');
  });
});

/** One repair round: the keeper checks in the task after any captured `toggle` event. */
describe('when the warning cannot be made sure to be on screen', () => {
  it('gives up on the overlay after two checks in a row and answers "full-page"', async () => {
    let visible = true;
    const d = showShieldedDialog(document, spec, () => visible);
    await keeperCheck();
    expect(d.host.isConnected).toBe(true);
    visible = false; // e.g. html { zoom: 0.02 }: see overlay-visibility.ts
    await keeperCheck();
    expect(d.host.isConnected).toBe(true); // once may be a layout in passing
    await keeperCheck();
    await expect(d.choice).resolves.toEqual({ choice: 'full-page' });
    expect(d.host.isConnected).toBe(false);
  });
});

describe('where no overlay can be built', () => {
  it('answers "full-page" at once: an SVG document makes no HTML elements to build it from', async () => {
    const svg = document.implementation.createDocument('http://www.w3.org/2000/svg', 'svg', null);
    const d = showShieldedDialog(svg, spec, onScreen);
    await expect(d.choice).resolves.toEqual({ choice: 'full-page' });
    expect(d.host.isConnected).toBe(false);
  });
});

async function keeperCheck(): Promise<void> {
  window.dispatchEvent(new Event('toggle'));
  await new Promise((r) => setTimeout(r, 5));
}
