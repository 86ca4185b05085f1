// Visible and accessible marks on links to dangerous hosts. Per link:
//   - an outline pinned inline with !important (page stylesheets cannot undo it),
//   - a badge just before the link: a <span> whose closed shadow root holds the
//     icon, its own style pinned like the outline,
//   - aria-description saying where the link leads and why it is dangerous.
// Only pages that link to something dangerous get any of this; a watcher then
// restores marks the page strips or removes (checked in batches).
import type { DangerousHost, Finding } from '../messages/protocol.ts';
import { BADGE_CSS, BADGE_HOST_STYLE, LINK_OUTLINE } from './dialog-style.ts';
import { dom, pinStyle } from './dom-refs.ts';
import { baseOf, hostOfElement } from './link-hosts.ts';

interface Mark {
  badge: HTMLElement | null;
  description: string;
  /** Serialized inline styles as we pinned them: any difference means the page touched them. */
  outline: string;
  badgeStyle: string;
  /** Times the badge was inserted; a page that keeps removing it wins after MAX_REINSERTS. */
  inserts: number;
}

/** Bounds the churn against a page that removes badges as fast as they come back. */
const MAX_REINSERTS = 20;

export class LinkMarks {
  private readonly marks = new Map<Element, Mark>();
  private observer: MutationObserver | null = null;
  private repairQueued = false;

  constructor(
    private readonly doc: Document,
    private readonly schedule: (fn: () => void) => void,
  ) {}

  get count(): number {
    return this.marks.size;
  }

  mark(elements: readonly Element[], dangerous: ReadonlyMap<string, DangerousHost>): void {
    const base = baseOf(this.doc);
    for (const el of elements) {
      if (!(el instanceof HTMLAnchorElement || el instanceof HTMLAreaElement) || this.marks.has(el)) continue;
      const host = hostOfElement(el, base);
      const found = host ? dangerous.get(host) : undefined;
      if (!found) continue;
      const mark: Mark = { badge: null, description: found.mark, outline: '', badgeStyle: '', inserts: 0 };
      if (el instanceof HTMLAnchorElement) {
        mark.badge = this.makeBadge(found.finding, mark.description);
        mark.badgeStyle = mark.badge.getAttribute('style') ?? '';
      }
      this.marks.set(el, mark);
      this.apply(el, mark);
    }
    this.watch();
  }

  /**
   * Takes the marks off the links to `hosts` (no longer dangerous): badge,
   * outline and description go; what the page had there before is not kept.
   */
  unmark(hosts: ReadonlySet<string>): void {
    const base = baseOf(this.doc);
    for (const [el, mark] of this.marks) {
      const host = hostOfElement(el, base);
      if (!host || !hosts.has(host)) continue;
      this.marks.delete(el);
      mark.badge?.remove();
      dom.removeAttr(el, 'aria-description');
      if (el instanceof HTMLElement) for (const p of Object.keys(LINK_OUTLINE)) el.style.removeProperty(p);
    }
  }

  /** Restores whatever the page removed; public for tests. */
  repair(): void {
    this.repairQueued = false;
    for (const [el, mark] of this.marks) {
      if (!el.isConnected) continue;
      this.apply(el, mark);
    }
  }

  private apply(el: Element, mark: Mark): void {
    if (el.getAttribute('aria-description') !== mark.description) {
      dom.setAttr(el, 'aria-description', mark.description);
    }
    if (el instanceof HTMLElement && (mark.outline === '' || el.style.getPropertyValue('outline') !== mark.outline)) {
      pinStyle(el, LINK_OUTLINE);
      mark.outline = el.style.getPropertyValue('outline');
    }
    const badge = mark.badge;
    if (!badge) return;
    if (badge.getAttribute('style') !== mark.badgeStyle) {
      pinStyle(badge, BADGE_HOST_STYLE);
      mark.badgeStyle = badge.getAttribute('style') ?? '';
    }
    if (el.parentNode && badge.nextSibling !== el && mark.inserts <= MAX_REINSERTS) {
      mark.inserts++;
      dom.insertBefore(el.parentNode, badge, el);
    }
  }

  private makeBadge(finding: Finding, description: string): HTMLElement {
    const host = dom.create(this.doc, 'span');
    pinStyle(host, BADGE_HOST_STYLE);
    const root = dom.closedShadow(host);
    dom.append(root, dom.create(this.doc, 'style')).textContent = BADGE_CSS;
    const icon = dom.append(root, dom.create(this.doc, 'span'));
    icon.className = finding.level;
    icon.textContent = '!';
    // The link itself carries the description; the icon is decoration for AT.
    dom.setAttr(icon, 'aria-hidden', 'true');
    dom.setAttr(host, 'title', description);
    return host;
  }

  private watch(): void {
    if (this.observer || this.marks.size === 0) return;
    this.observer = new MutationObserver(() => {
      if (this.repairQueued) return;
      this.repairQueued = true;
      this.schedule(() => this.repair());
    });
    this.observer.observe(this.doc, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-description', 'style'],
    });
  }

  stop(): void {
    this.observer?.disconnect();
  }
}
