import { describe, expect, it } from 'vitest';
import { isReallyOnScreen } from '../../../src/content/overlay-visibility.ts';

const HIT = {} as Element;
/** A dialog as layout reports it: box, effective zoom, visibility; the viewport is 1000 x 800. */
function dialog(o: { rect?: [number, number, number, number]; zoom?: number; visible?: boolean; open?: boolean; rootFilter?: string } = {}) {
  const [left, top, width, height] = o.rect ?? [250, 200, 500, 300];
  const view = { innerWidth: 1000, innerHeight: 800, getComputedStyle: () => ({ filter: o.rootFilter ?? 'none' }) };
  const probes: Array<[number, number]> = [];
  const doc = { defaultView: view, documentElement: {}, elementFromPoint: (x: number, y: number) => (probes.push([x, y]), HIT) };
  return {
    el: {
      ownerDocument: doc,
      open: o.open ?? true,
      currentCSSZoom: o.zoom ?? 1,
      checkVisibility: () => o.visible ?? true,
      getBoundingClientRect: () => ({ left, top, width, height }),
    } as unknown as HTMLDialogElement,
    probes,
  };
}
const ours = (hit: Element | null) => hit === HIT;

describe('isReallyOnScreen', () => {
  it('a readable, unzoomed, rendered dialog that wins hit tests at its centre and four corners', () => {
    const d = dialog();
    expect(isReallyOnScreen(d.el, ours)).toBe(true);
    expect(d.probes).toHaveLength(5);
  });

  it('not when shrunk by zoom, faded by a root filter, skipped by content-visibility, closed, tiny, or covered at one probe', () => {
    expect(isReallyOnScreen(dialog({ zoom: 0.02 }).el, ours)).toBe(false);
    expect(isReallyOnScreen(dialog({ rootFilter: 'opacity(0.01)' }).el, ours)).toBe(false); // Firefox fades the top layer with it
    expect(isReallyOnScreen(dialog({ visible: false }).el, ours)).toBe(false);
    expect(isReallyOnScreen(dialog({ open: false }).el, ours)).toBe(false);
    expect(isReallyOnScreen(dialog({ rect: [0, 0, 10, 6] }).el, ours)).toBe(false);
    let n = 0;
    expect(isReallyOnScreen(dialog().el, () => ++n !== 3)).toBe(false);
  });

  it('skips probes scrolled out of a small viewport instead of failing on them', () => {
    const d = dialog({ rect: [250, 600, 500, 400] });
    expect(isReallyOnScreen(d.el, ours)).toBe(true);
    expect(d.probes.every(([, y]) => y < 800)).toBe(true);
  });
});
