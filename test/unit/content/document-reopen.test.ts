// @vitest-environment happy-dom
// A page rewriting itself shows as its root element leaving: only that calls back.
import { describe, expect, it, vi } from 'vitest';
import { watchReopen } from '../../../src/content/document-reopen.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('watchReopen', () => {
  it('calls back when the root element leaves, not for changes inside it', async () => {
    const onReopen = vi.fn();
    watchReopen(document, onReopen);
    document.body.append(document.createElement('div'));
    document.body.firstElementChild?.remove();
    await settle();
    expect(onReopen).not.toHaveBeenCalled();
    const root = document.documentElement;
    root.remove();
    document.append(root);
    await settle();
    expect(onReopen).toHaveBeenCalledTimes(1);
  });
});

describe('dom.relisten', () => {
  it('adds back what an erasure removed, once, and never what we took off ourselves', async () => {
    const { dom } = await import('../../../src/content/dom-refs.ts');
    const kept = vi.fn();
    const dropped = vi.fn();
    dom.listen(window, 'tg-kept', kept, { capture: true });
    dom.listen(window, 'tg-dropped', dropped, { capture: true });
    dom.unlisten(window, 'tg-dropped', dropped, { capture: true });
    window.removeEventListener('tg-kept', kept, { capture: true }); // what document.open() does to it
    dom.relisten();
    dom.relisten(); // adding one that is there changes nothing
    window.dispatchEvent(new Event('tg-kept'));
    window.dispatchEvent(new Event('tg-dropped'));
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
  });
});
