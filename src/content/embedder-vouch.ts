// Is the warning in a frame seen by the user? Inside its own document the
// warning checks itself (overlay-visibility.ts), but a frame cannot see the
// page that embeds it: that page can make the frame transparent, or paint over
// it and let clicks through (pointer-events: none), then have the user click
// "Continue" unseen (attack-hidden-frame.html). Only the browser can tell:
// Chromium's IntersectionObserver v2 (`trackVisibility`) reports whether an
// element is unoccluded and untouched by opacity, filters and transforms
// through every frame that embeds it. Firefox has none (bugzil.la/1896900), so
// there a frame's warning never vouches for itself and its "Continue" opens
// the full-page warning, which no page can hide.

/** The API's minimum reporting period. */
const TRACK_DELAY_MS = 100;

export interface Vouch {
  /** True when nothing could hide the element from the user for the last `forMs`. */
  seen(): boolean;
  stop(): void;
}

type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

/** A top-level document has no embedder: its own checks are enough. */
export function watchSeen(el: Element, forMs: number, now: () => number = () => performance.now()): Vouch {
  const win = el.ownerDocument.defaultView;
  if (!win || win.top === win) return { seen: () => true, stop: () => {} };
  if (!('isVisible' in win.IntersectionObserverEntry.prototype)) return { seen: () => false, stop: () => {} };
  let since: number | null = null;
  const observer = new win.IntersectionObserver(
    (entries) => {
      // `time`: when the browser computed it (the callback runs up to a reporting period later).
      const last = entries[entries.length - 1] as V2Entry;
      since = last.isVisible === true ? (since ?? last.time) : null;
    },
    { trackVisibility: true, delay: TRACK_DELAY_MS } as IntersectionObserverInit,
  );
  observer.observe(el);
  return {
    seen: () => since !== null && now() - since >= forMs,
    stop: () => observer.disconnect(),
  };
}
