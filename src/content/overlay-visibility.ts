// Is the warning really on screen, at a size someone can read? A page can
// hide a top-layer dialog without touching it: `zoom` on <html> (an ancestor
// of our host) shrinks it to a few pixels, `content-visibility: hidden` skips
// its rendering, and in Firefox a `filter` on <html> fades it (transforms and
// opacity there do not reach the top layer). When this says no, the keeper gives up
// on the overlay and the tab gets the full-page warning, which no page can touch.

/** Smaller than this (or than half the viewport) and the warning is not readable. */
const MIN_SIDE_PX = 120;
/** Hit tests, as fractions of the dialog's box: centre and four inset corners. */
const PROBES: ReadonlyArray<readonly [number, number]> = [[0.5, 0.5], [0.15, 0.15], [0.85, 0.15], [0.15, 0.85], [0.85, 0.85]];

type Zoomed = HTMLElement & { currentCSSZoom?: number };

/** `ours(hit)`: the node elementFromPoint returns is the warning (retargeted to its host). */
export function isReallyOnScreen(dialog: HTMLDialogElement, ours: (hit: Element | null) => boolean): boolean {
  const view = dialog.ownerDocument.defaultView;
  if (!view || !dialog.open) return false;
  const opts = { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true };
  if (typeof dialog.checkVisibility === 'function' && !dialog.checkVisibility(opts)) return false;
  // Firefox paints the top layer under a filter on the root element (opacity, clip-path and mask do not reach it).
  if (view.getComputedStyle(dialog.ownerDocument.documentElement).filter !== 'none') return false;
  const zoom = (dialog as Zoomed).currentCSSZoom;
  if (zoom !== undefined && Math.abs(zoom - 1) > 0.01) return false;
  const r = dialog.getBoundingClientRect();
  if (r.width < Math.min(MIN_SIDE_PX, view.innerWidth / 2) || r.height < Math.min(MIN_SIDE_PX, view.innerHeight / 3)) return false;
  for (const [fx, fy] of PROBES) {
    const x = r.left + r.width * fx;
    const y = r.top + r.height * fy;
    if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) continue; // scrolled out of a small viewport
    if (!ours(dialog.ownerDocument.elementFromPoint(x, y))) return false;
  }
  return true;
}
