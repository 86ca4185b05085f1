import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSeen } from '../../../src/content/embedder-vouch.ts';

type Report = { isVisible?: boolean; time: number };

/** A frame's window: `v2` gives its IntersectionObserverEntry an `isVisible`; `report` plays the browser. */
function frame(v2: boolean, top?: unknown) {
  let callback: ((entries: Report[]) => void) | null = null;
  const calls = { observed: 0, disconnected: 0, options: null as unknown };
  class IntersectionObserver {
    constructor(cb: (entries: Report[]) => void, options: unknown) {
      callback = cb;
      calls.options = options;
    }
    observe() {
      calls.observed++;
    }
    disconnect() {
      calls.disconnected++;
    }
  }
  const win: Record<string, unknown> = {
    IntersectionObserver,
    IntersectionObserverEntry: { prototype: v2 ? { isVisible: false } : {} },
  };
  win.top = top ?? {};
  const el = { ownerDocument: { defaultView: win } } as unknown as Element;
  return { el, calls, report: (...entries: Report[]) => callback?.(entries) };
}

afterEach(() => vi.useRealTimers());

describe('watchSeen', () => {
  it('a top-level document has no embedder: always seen, nothing observed', () => {
    const f = frame(true);
    (f.el.ownerDocument.defaultView as unknown as Record<string, unknown>).top = f.el.ownerDocument.defaultView;
    expect(watchSeen(f.el, 700, undefined, () => 0).seen()).toBe(true);
    expect(f.calls.observed).toBe(0);
  });

  it('a frame in a browser that cannot tell (Firefox: no isVisible) is never seen', () => {
    const f = frame(false);
    expect(watchSeen(f.el, 700, undefined, () => 10_000).seen()).toBe(false);
    expect(f.calls.observed).toBe(0);
  });

  it('a frame is seen once the browser reported it visible for the whole period, counted from when it computed that', () => {
    const f = frame(true);
    let now = 0;
    const v = watchSeen(f.el, 700, undefined, () => now);
    expect(f.calls.options).toMatchObject({ trackVisibility: true, delay: 100 });
    expect(v.seen()).toBe(false); // no report yet
    f.report({ isVisible: true, time: 50 });
    now = 700;
    expect(v.seen()).toBe(false);
    now = 750;
    expect(v.seen()).toBe(true);
  });

  it('hidden, even briefly, starts the period again (a page that shows the frame just before the click)', () => {
    const f = frame(true);
    let now = 0;
    const v = watchSeen(f.el, 700, undefined, () => now);
    f.report({ isVisible: true, time: 0 });
    f.report({ isVisible: false, time: 900 });
    now = 1000;
    expect(v.seen()).toBe(false);
    f.report({ isVisible: false, time: 1000 }, { isVisible: true, time: 1100 }); // the last entry is the state now
    now = 1700;
    expect(v.seen()).toBe(false);
    now = 1800;
    expect(v.seen()).toBe(true);
    v.stop();
    expect(f.calls.disconnected).toBe(1);
  });

  it('tells each change: seen once the period is over, unseen at the first hidden report', () => {
    vi.useFakeTimers();
    const f = frame(true);
    let now = 0;
    const told: boolean[] = [];
    const v = watchSeen(f.el, 700, (seen) => told.push(seen), () => now);
    f.report({ isVisible: true, time: 0 });
    now = 100;
    f.report({ isVisible: true, time: 100 }); // still visible (the ratio changed): the pending call stays
    expect(told).toEqual([]);
    now = 700;
    vi.advanceTimersByTime(700);
    expect(told).toEqual([true]);
    f.report({ isVisible: true, time: 800 }); // still visible: nothing new
    f.report({ isVisible: false, time: 900 });
    expect(told).toEqual([true, false]);
    v.stop();
  });

  it('a timer that fires before the clock says the period is over looks again', () => {
    vi.useFakeTimers();
    const f = frame(true);
    let now = 0;
    const told: boolean[] = [];
    watchSeen(f.el, 700, (seen) => told.push(seen), () => now);
    f.report({ isVisible: true, time: 0 });
    now = 699.5; // the clock is coarser than the timer
    vi.advanceTimersByTime(700);
    expect(told).toEqual([]);
    now = 701;
    vi.advanceTimersByTime(1);
    expect(told).toEqual([true]);
  });
});
