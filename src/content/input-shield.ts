// While a warning is up the page gets NO event from the user: no key, text,
// clipboard, pointer, mouse, wheel, touch, drag or focus event. Keys pressed
// on the warning's own buttons used to bubble, retargeted to its host, to the
// page's window/document listeners (the page read "hunter2").
//
// The listeners here are on `window`, capture phase, added at document_start
// before any page script (main.ts installs this first), so they run before
// every page listener. An event for the page is cancelled and stopped. An
// event for the warning (retargeted to its host) is stopped too, since page
// capture listeners would otherwise see it on the way down, but NOT cancelled:
// its default actions (Tab moves focus, Enter/Space activate a button, Escape
// cancels the dialog, a key types into the reason field) still happen, and
// the warning is handed the event directly (`deliver`).
import { dom } from './dom-refs.ts';
import { TYPING_EVENTS } from './credential-entry.ts';

export const USER_EVENTS = [
  ...TYPING_EVENTS,
  'copy', 'cut', 'select', 'contextmenu',
  'pointerdown', 'pointerup', 'pointermove', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointercancel',
  'gotpointercapture', 'lostpointercapture',
  'mousedown', 'mouseup', 'mousemove', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave',
  'click', 'auxclick', 'dblclick', 'wheel',
  'touchstart', 'touchmove', 'touchend', 'touchcancel',
  'dragstart', 'drag', 'dragenter', 'dragover', 'dragleave', 'dragend',
  'focus', 'blur', 'focusin', 'focusout',
] as const;

export interface Shielded {
  /** The event is for this warning (its target is the warning's host as the page sees it). */
  owns(e: Event): boolean;
  /** Handles an event of its own that never reaches inside (stopped at window). */
  deliver(e: Event): void;
  /** A key or focus that went to the page while the warning is up (focus was moved off it): take it back. */
  stray(e: Event): void;
}

const shielded = new Set<Shielded>();
let installed = false;

function onUserEvent(e: Event): void {
  if (shielded.size === 0 || !e.isTrusted) return; // the page's own synthetic events concern only the page
  const all = [...shielded];
  const mine = all.find((s) => s.owns(e));
  e.stopImmediatePropagation();
  if (mine) return mine.deliver(e);
  if (e.cancelable) e.preventDefault();
  if (e.type === 'keydown' || e.type === 'focusin') all[all.length - 1]?.stray(e);
}

/** Once, at document_start, before the page's scripts. */
export function installInputShield(win: Window): void {
  if (installed) return;
  installed = true;
  for (const type of USER_EVENTS) dom.listen(win, type, onUserEvent, { capture: true });
}

/** Shields the page from user input while `s` is up; returns the release. */
export function shield(s: Shielded): () => void {
  shielded.add(s);
  return () => void shielded.delete(s);
}

/** True while any warning is up (per-keystroke callers: O(1)). */
export const shieldActive = (): boolean => shielded.size > 0;
