// Is the warning in a frame seen by the user? Inside its own document the
// warning checks itself (overlay-visibility.ts), but a frame cannot see the
// page that embeds it: that page can make the frame transparent, or paint over
// it and let clicks through (pointer-events: none), then have the user click
// "Continue" unseen (attack-hidden-frame.html), or cut a hole in a fake
// warning of its own to show the real one's security phrase through it. Only
// the browser can tell: Chromium's IntersectionObserver v2 (`trackVisibility`)
// reports whether an element is unoccluded and untouched by opacity, filters
// and transforms through every frame that embeds it. Firefox has none
// (bugzil.la/1896900), so there a frame's warning never vouches for itself.

/** The API's minimum reporting period. */
const TRACK_DELAY_MS = 100;

export interface Vouch {
  /** True when nothing could hide the element from the user for the last `forMs`. */
  seen(): boolean;
  stop(): void;
}

type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

/**
 * A top-level document has no embedder: its own checks are enough.
 * `onChange` is told each time `seen()` changes in a frame.
 */
export function watchSeen(el: Element, forMs: number, onChange: (seen: boolean) => void = () => {}, now: () => number = () => performance.now()): Vouch {
  const win = el.ownerDocument.defaultView;
  if (!win || win.top === win) return { seen: () => true, stop: () => {} };
  if (!('isVisible' in win.IntersectionObserverEntry.prototype)) return { seen: () => false, stop: () => {} };
  let since: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let told = false;
  const seen = () => since !== null && now() - since >= forMs;
  const tell = () => {
    if (seen() !== told) onChange((told = !told));
  };
  // A timer may fire a little before the clock says the period is over: look again until it is.
  const tellWhenSeen = () => {
    if (since === null) return;
    if (seen()) return tell();
    timer = setTimeout(tellWhenSeen, Math.max(1, since + forMs - now()));
  };
  const observer = new win.IntersectionObserver(
    (entries) => {
      // `time`: when the browser computed it (the callback runs up to a reporting period later).
      const last = entries[entries.length - 1] as V2Entry;
      if (last.isVisible !== true) {
        since = null;
        clearTimeout(timer);
      } else if (since === null) {
        since = last.time;
        tellWhenSeen();
      }
      tell();
    },
    { trackVisibility: true, delay: TRACK_DELAY_MS } as IntersectionObserverInit,
  );
  observer.observe(el);
  return {
    seen,
    stop: () => {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}
