// document.open() (a page rewriting itself after load) erases every event
// listener of the document, its nodes and its window, ours included: the
// input shield and the capture listeners that hold credential keys. The
// rewrite shows as the document's root element leaving: then our listeners
// are added again and `onReopen` runs. They now come after whatever the
// written scripts added, so a dangerous page can no longer be guarded in
// place; the caller sends it to the full-page warning instead.
import { dom } from './dom-refs.ts';

export function watchReopen(doc: Document, onReopen: () => void): void {
  new MutationObserver((records) => {
    if (!records.some((r) => [...r.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE))) return;
    dom.relisten();
    onReopen();
  }).observe(doc, { childList: true });
}
