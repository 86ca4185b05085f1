// @vitest-environment happy-dom
// "Continue" after the input-protection delay: taken in place when the warning
// was surely seen, sent to the full-page warning when something outside its
// frame may have hidden it (embedder-vouch.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INPUT_PROTECTION_MS, wireDialogInput } from '../../../src/content/dialog-input.ts';
import type { Choice } from '../../../src/content/shielded-dialog.ts';
import { trusted } from './trusted.ts';

afterEach(() => vi.useRealTimers());

function wired(seen: () => boolean) {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const dialog = root.appendChild(document.createElement('dialog'));
  const back = dialog.appendChild(document.createElement('button'));
  const cont = dialog.appendChild(document.createElement('button'));
  const chosen: Choice[] = [];
  const input = wireDialogInput({ host, root, dialog, back, cont, reason: null, delayBack: false, seen, finish: (c) => chosen.push(c) });
  return { cont, chosen, input };
}

describe('wireDialogInput: "Continue"', () => {
  for (const [seen, expected] of [[true, 'continue'], [false, 'full-page']] as const) {
    it(`after the delay, with the warning ${seen ? '' : 'not '}vouched for as seen: ${expected}`, () => {
      vi.useFakeTimers();
      const { cont, chosen, input } = wired(() => seen);
      input.arm();
      cont.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
      expect(chosen).toEqual([]); // within the delay: ignored either way
      vi.advanceTimersByTime(INPUT_PROTECTION_MS);
      cont.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
      expect(chosen).toEqual([expected]);
      input.release();
    });
  }
});
