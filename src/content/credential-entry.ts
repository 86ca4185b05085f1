// O(1) rules for a single event or element, safe to run on every keystroke
// (no page walk): what counts as credential entry, and which element a
// composed event is really for. Detection by form shape (credential-detect.ts)
// misses a text input masked by CSS, a contenteditable box, a field in a
// closed shadow root; these rules catch them at the moment of use.
import { MAX_URL } from '../messages/protocol.ts';
import { openOrClosedShadowRoot } from '../platform/shadow-roots.ts';
import { isCredentialField } from './credential-detect.ts';

/** Key, text, clipboard and drag input: what carries a typed secret. */
export const TYPING_EVENTS = [
  'keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput',
  'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'drop',
] as const;

const PASSWORD_AUTOCOMPLETE = /\b(current|new)-password\b/i;

/** Masked like a password by CSS (`-webkit-text-security`, also in Firefox 120+). */
function isMasked(el: HTMLElement): boolean {
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle(el);
  const mask = style?.getPropertyValue('-webkit-text-security') ?? '';
  return mask !== '' && mask !== 'none';
}

/**
 * Where a password may be typed: password or username-like inputs, inputs
 * whose autocomplete says password, CSS-masked inputs, editable elements.
 */
export function isCredentialEntry(el: unknown): el is HTMLElement {
  if (isCredentialField(el)) return true;
  if (el instanceof HTMLInputElement) return PASSWORD_AUTOCOMPLETE.test(el.autocomplete) || isMasked(el);
  return el instanceof HTMLElement && el.isContentEditable;
}

/**
 * The element an event is really for. Outside a closed shadow root the event
 * is retargeted to its host; the focused element inside (activeElement) is
 * the field being typed into. Bounded by the nesting of shadow roots.
 */
export function deepTarget(e: Event): EventTarget | null {
  return deepElement(e.composedPath()[0] ?? e.target);
}

/** From `start` down through the shadow roots' focused elements to the innermost one. */
export function deepElement(start: EventTarget | null): EventTarget | null {
  let t = start;
  for (let depth = 0; depth < 32 && t instanceof Element; depth++) {
    const root = openOrClosedShadowRoot(t);
    const inner = root?.activeElement;
    if (!inner || inner === t) break;
    t = inner;
  }
  return t;
}

/**
 * The page URL as a verdict request carries it: without the fragment (never
 * sent to the server, no list entry names one) and cut to the protocol's
 * limit. A page that made its URL longer than that had the request refused
 * and, before, its fields left open. A prefix keeps host and path, which is
 * what host and path-prefix entries match.
 */
export function boundedUrl(href: string): string {
  const hash = href.indexOf('#');
  return (hash < 0 ? href : href.slice(0, hash)).slice(0, MAX_URL);
}

/**
 * The URL a document is judged by: its own, or, for one with no http(s) URL
 * of its own that inherited an http(s) origin (an about:blank popup a page
 * filled, a blob: frame), that origin's root: the page that wrote it. A
 * data: document has no origin to inherit; its tab's page judges it.
 */
export function judgedUrl(win: Window): string {
  const href = win.location.href;
  if (/^https?:/i.test(href)) return href;
  const origin = win.origin;
  return /^https?:\/\//i.test(origin) ? `${origin}/` : href;
}
