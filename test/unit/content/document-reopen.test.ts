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
