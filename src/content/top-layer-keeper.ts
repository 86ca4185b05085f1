// Keeps one modal dialog attached, open, styled and topmost while a warning
// is up. What a hostile page can try, and the answer:
//   - restyle or flag the host (style, hidden, inert, popover): re-pinned and
//     stripped;
//   - open its own modal dialog or popover: refused (beforetoggle cancelled);
//     one that got through anyway, or a fullscreen element, is closed and ours
//     is re-opened as the newest top-layer entry;
//   - remove the host: it is put back. A page that removes it again at once
//     (from its own MutationObserver, before anything is painted) is answered
//     by moving the host into a closed shadow root on <body> (with a <slot>, so
//     the page still renders): nodes there are invisible to the page's
//     observers and selectors, and it would have to remove its own <body>.
// Repairs never run inside our MutationObserver callback but in the next
// task, so an observer-vs-observer fight cannot lock up the page.
import { dom, pinStyle } from './dom-refs.ts';
import { HOST_STYLE } from './dialog-style.ts';
import { isReallyOnScreen } from './overlay-visibility.ts';

const CHECK_MS = 250;
/** Removals tolerated before moving into <body>'s shadow root. */
const ESCALATE_AFTER = 2;
/** Checks in a row (CHECK_MS apart) the warning may fail to be on screen before the keeper gives up on it. */
const UNSURE_AFTER = 2;
/** Pinned on <body> only in that mode: its subtree now holds the warning. */
const BODY_STYLE: Readonly<Record<string, string>> = {
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  'content-visibility': 'visible',
  filter: 'none',
};

export class TopLayerKeeper {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly onToggle = () => this.soon();
  /**
   * The page's own dialogs and popovers fire a cancelable `beforetoggle` before
   * they open (HTML: showModal/showPopover): cancel it while the warning is up,
   * so they never get above it, not even for a frame. Ours fires inside our
   * closed shadow root and never reaches this listener (not composed).
   */
  private readonly onBeforeToggle = (e: Event) => {
    if ((e as ToggleEvent).newState === 'open' && e.cancelable) e.preventDefault();
    this.soon();
  };
  private stopped = false;
  private pinnedStyle = '';
  private removals = 0;
  private repairQueued = false;
  private bodyMount: { body: HTMLElement; root: ShadowRoot } | null = null;
  private unsure = 0;

  /** `giveUp`: called once when the warning stays hidden whatever the keeper does (overlay-visibility.ts). */
  constructor(
    private readonly doc: Document,
    private readonly host: HTMLElement,
    private readonly dialog: HTMLDialogElement,
    private readonly focusSafe: () => void,
    private readonly giveUp: () => void,
    private readonly onScreen: typeof isReallyOnScreen = isReallyOnScreen,
  ) {}

  start(): void {
    this.pin();
    this.mount();
    this.raise();
    this.focusSafe();
    this.observer = new MutationObserver(() => this.soon());
    this.observer.observe(this.doc, { childList: true, subtree: true });
    this.observer.observe(this.host, { attributes: true });
    this.observer.observe(this.doc.documentElement, { attributes: true, attributeFilter: ['inert'] });
    dom.listen(this.doc.defaultView ?? this.doc, 'toggle', this.onToggle, { capture: true });
    dom.listen(this.doc.defaultView ?? this.doc, 'beforetoggle', this.onBeforeToggle, { capture: true });
    this.timer = setInterval(() => this.check(), CHECK_MS);
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    if (this.timer !== null) clearInterval(this.timer);
    dom.unlisten(this.doc.defaultView ?? this.doc, 'toggle', this.onToggle, { capture: true });
    dom.unlisten(this.doc.defaultView ?? this.doc, 'beforetoggle', this.onBeforeToggle, { capture: true });
  }

  /** One round of repairs; public for tests. */
  check(): void {
    this.repairQueued = false;
    if (this.stopped) return;
    // Compare first: re-pinning unconditionally would trigger our own observer forever.
    if (this.host.getAttribute('style') !== this.pinnedStyle) this.pin();
    this.stripAttributes();
    if (!this.isMounted()) {
      this.removals++;
      this.mount();
      this.raise();
    } else if (!this.dialog.open || !this.isTopmost()) {
      this.raise();
    }
    this.unsure = this.onScreen(this.dialog, (hit) => this.isOurs(hit)) ? 0 : this.unsure + 1;
    if (this.unsure >= UNSURE_AFTER) {
      this.stop();
      this.giveUp();
    }
  }

  get mode(): 'html' | 'body-shadow' {
    return this.bodyMount ? 'body-shadow' : 'html';
  }

  private soon(): void {
    if (this.repairQueued || this.stopped) return;
    this.repairQueued = true;
    setTimeout(() => this.check(), 0);
  }

  private pin(): void {
    pinStyle(this.host, HOST_STYLE);
    this.pinnedStyle = this.host.getAttribute('style') ?? '';
  }

  /** `hidden`, `inert`, `popover` ... on the host, or `inert` on <html>/<body>, would disable the warning. */
  private stripAttributes(): void {
    for (const name of this.host.getAttributeNames()) if (name !== 'style') dom.removeAttr(this.host, name);
    for (const el of [this.doc.documentElement, this.doc.body]) if (el?.hasAttribute('inert')) dom.removeAttr(el, 'inert');
  }

  private isMounted(): boolean {
    const parent = this.host.parentNode;
    if (this.bodyMount) return parent === this.bodyMount.root && this.bodyMount.body.isConnected;
    return parent === this.doc.documentElement;
  }

  private mount(): void {
    if (this.removals >= ESCALATE_AFTER && this.mountInBody()) return;
    dom.append(this.doc.documentElement, this.host);
  }

  private mountInBody(): boolean {
    const body = this.doc.body;
    if (!body) return false;
    if (this.bodyMount?.body !== body) {
      let root: ShadowRoot;
      try {
        root = dom.closedShadow(body); // throws if the page gave <body> a shadow root first
      } catch {
        return false;
      }
      dom.append(root, dom.create(this.doc, 'slot'));
      this.bodyMount = { body, root };
    }
    pinStyle(body, BODY_STYLE);
    dom.append(this.bodyMount.root, this.host);
    return true;
  }

  private isTopmost(): boolean {
    if (this.competitors().length > 0 || this.doc.fullscreenElement) return false;
    // elementFromPoint sees through everything in the page; inside our closed
    // root it is retargeted to the host (or to <body> in body-shadow mode).
    const r = this.dialog.getBoundingClientRect();
    if (r.width === 0 || typeof this.doc.elementFromPoint !== 'function') return true;
    const hit = this.doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === null || this.isOurs(hit);
  }

  private isOurs(hit: Element | null): boolean {
    return hit !== null && (hit === this.host || hit === this.bodyMount?.body);
  }

  private competitors(): Element[] {
    let found: Iterable<Element>;
    try {
      found = dom.all(this.doc, 'dialog:modal, :popover-open');
    } catch {
      found = dom.all(this.doc, 'dialog[open]'); // engines without :modal
    }
    return [...found];
  }

  private raise(): void {
    for (const e of this.competitors()) {
      if (e instanceof HTMLDialogElement) dom.close(e);
      else (e as HTMLElement).hidePopover?.();
    }
    if (this.doc.fullscreenElement) void this.doc.exitFullscreen?.().catch(() => {});
    if (this.dialog.open) dom.close(this.dialog);
    dom.showModal(this.dialog);
    this.focusSafe();
  }
}
