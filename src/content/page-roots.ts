// Where a page keeps its DOM beyond the document itself: same-origin frames
// (about:blank frames that a page fills by script get a content script of
// their own, which guards their keys, but maybe only after the page wrote
// to them) and shadow roots, closed ones included: a phishing kit
// hides its links and fields in a closed root precisely so that scanners
// miss them, and a content script may look in (platform/shadow-roots.ts).
import { dom } from './dom-refs.ts';
import { openOrClosedShadowRoot } from '../platform/shadow-roots.ts';

/** Same-origin child documents (cross-origin frames have their own content script). */
export function childDocuments(doc: Document): Document[] {
  const out: Document[] = [];
  for (const frame of dom.all(doc, 'iframe, frame')) {
    try {
      const d = (frame as HTMLIFrameElement).contentDocument;
      if (d?.documentElement) out.push(d);
    } catch {
      // cross-origin: that frame's own content script handles it
    }
  }
  return out;
}

/**
 * The only elements attachShadow accepts (custom elements, and these; DOM
 * standard, "attachShadow"): the browser's closed-root lookup, dearer than
 * reading `shadowRoot`, is asked of these alone.
 */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/** The page's shadow root on `el`, open or closed; never one of ours. */
function pageRootOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open) return open;
  const tag = el.localName;
  if (!tag.includes('-') && !SHADOW_HOSTS.has(tag)) return null;
  const root = openOrClosedShadowRoot(el);
  return root && !dom.isOwnRoot(root) ? root : null;
}

/** The page's shadow roots under `root`, nested ones included; a full walk, so only on demand. */
export function shadowRootsUnder(root: Document | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const walk = (r: Document | ShadowRoot) => {
    const all = dom.all(r, '*');
    for (let i = 0; i < all.length; i++) {
      const shadow = pageRootOf(all[i] as Element);
      if (shadow) {
        found.push(shadow);
        walk(shadow);
      }
    }
  };
  walk(root);
  return found;
}

/** Shadow roots (open and closed) of the document and of its same-origin frames. */
export function deepShadowRoots(doc: Document): ShadowRoot[] {
  return [doc, ...childDocuments(doc)].flatMap(shadowRootsUnder);
}

/**
 * A shadow root created after load makes no mutation an observer of the
 * document can see, so the page is walked for them a few times after
 * load. Never at load: the walk touches every element (~5 ms on a 10k-link
 * page), on top of the link scan.
 */
export const DEEP_PASS_DELAYS_MS = [1500, 5000];
