// Where a page keeps its DOM beyond the document itself: same-origin frames
// (including about:blank frames that a page fills by script, where no content
// script of ours runs) and open shadow roots. Fields and links in CLOSED
// shadow roots are invisible to everyone but their page.
import { dom } from './dom-refs.ts';

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

/** Open shadow roots under `root`, nested ones included; a full walk, so only on demand. */
export function openShadowRoots(root: Document | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const walk = (r: Document | ShadowRoot) => {
    for (const el of dom.all(r, '*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  walk(root);
  return found;
}

/** Open shadow roots of the document and of its same-origin frames. */
export function deepShadowRoots(doc: Document): ShadowRoot[] {
  return [doc, ...childDocuments(doc)].flatMap(openShadowRoots);
}

/**
 * A shadow root created after load makes no mutation an observer of the
 * document can see, so the page is walked for open ones a few times after
 * load. Never at load: the walk touches every element (~5 ms on a 10k-link
 * page), on top of the link scan.
 */
export const DEEP_PASS_DELAYS_MS = [1500, 5000];
