// Collects the hosts a page links to and asks the worker about each host once
// per page, in batches. Work is split into two cheap steps:
//   collect  one pass over new link elements: a Set of hosts (no URL objects);
//   ask      after a short idle delay, unseen hosts go to the worker in chunks.
// Added or changed links arrive through a MutationObserver and are processed
// in the next batch, never one by one. Nothing touches the DOM unless the
// worker names a dangerous host.
import type { DangerousHost, Finding } from '../messages/protocol.ts';
import { dom } from './dom-refs.ts';
import { baseOf, hostOfElement, LINK_SELECTOR, OFF_BASE_SELECTOR, type HostCache } from './link-hosts.ts';

/** The protocol accepts at most 1000 hosts per checkHosts request. */
export const MAX_HOSTS_PER_REQUEST = 1000;

export interface ScannerDeps {
  /** The dangerous ones among `hosts`. */
  checkHosts(hosts: string[]): Promise<DangerousHost[]>;
  /** Elements pointing to a dangerous host (new or newly known). */
  onDangerous(elements: Element[], dangerous: ReadonlyMap<string, DangerousHost>): void;
  /** Hosts called dangerous before that the worker, asked again, no longer calls so (unlisted, unprotected). */
  onCleared(hosts: ReadonlySet<string>): void;
  /** Runs `fn` soon, off the critical path (requestIdleCallback or setTimeout). */
  schedule(fn: () => void): void;
}

const OBSERVED: MutationObserverInit = { subtree: true, childList: true, attributes: true, attributeFilter: ['href', 'action', 'src'] };

/** Links collected together, with the host of each (null: not http(s)). */
interface Batch {
  elements: ArrayLike<Element>;
  hosts: (string | null)[];
  /** Hosts of this batch without an answer yet. */
  unanswered: Set<string>;
}

export class LinkScanner {
  readonly dangerous = new Map<string, DangerousHost>();
  /** Hosts queued or asked; the worker's answer for each is awaited or known. */
  private readonly asked = new Set<string>();
  private readonly answered = new Set<string>();
  /** Collected links with hosts still unanswered: marked at once if an answer is bad. */
  private batches: Batch[] = [];
  private shadowRoots = new WeakSet<ShadowRoot>();
  private readonly hostCache: HostCache = new Map();
  private pendingHosts: string[] = [];
  private pendingNodes: Node[] = [];
  private scheduled = false;
  private observer: MutationObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly deps: ScannerDeps,
  ) {}

  /** Scans the whole document now and watches it for added or changed links. */
  start(): void {
    this.scanDocument();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc, OBSERVED);
    this.requestFlush();
  }

  /** Scans shadow roots that a deep pass found, once each, and watches them from then on. */
  addShadowRoots(roots: readonly ShadowRoot[]): void {
    for (const root of roots) {
      if (this.shadowRoots.has(root)) continue;
      this.shadowRoots.add(root);
      this.collect(dom.all(root, this.selector()));
      this.observer?.observe(root, OBSERVED);
    }
    this.requestFlush();
  }

  /**
   * What judges hosts changed while the page was open (the worker's push):
   * every host is asked again, the document scanned again, and shadow roots
   * the next deep pass hands over are scanned again too. Hosts already
   * called dangerous stay so until the worker's answer clears them (fail
   * closed: a worker that does not answer clears nothing).
   */
  rescan(): void {
    this.asked.clear();
    this.answered.clear();
    this.batches = [];
    this.shadowRoots = new WeakSet();
    this.scanDocument();
    this.requestFlush();
  }

  private scanDocument(): void {
    // Relative links all lead to the base host: ask about it once, and look at
    // the others only.
    this.queue(baseOf(this.doc).host);
    this.collect(dom.all(this.doc, this.selector()));
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Returns the host when `el` points to a host the worker called dangerous. */
  findingFor(el: Element): [string, Finding] | null {
    const host = hostOfElement(el, baseOf(this.doc));
    const found = host ? this.dangerous.get(host) : undefined;
    return host && found ? [host, found.finding] : null;
  }

  /** Promise that settles when all queued work has been asked (tests, benchmarks). */
  async flush(): Promise<void> {
    this.scheduled = false;
    this.drainNodes();
    while (this.pendingHosts.length > 0) {
      const chunk = this.pendingHosts.splice(0, MAX_HOSTS_PER_REQUEST);
      await this.ask(chunk);
    }
  }

  // The hot loop of a page scan, kept flat and free of per-link lookups: the
  // script runs cold (interpreted) on every page, so each step per link
  // counts. Indexed, because spreading or for-of over 10,000 nodes costs
  // milliseconds in an isolated world. Per link: one attribute read, a lookup
  // of its authority in the page's host cache, and a Set insert when the host
  // differs from the last.
  private collect(elements: ArrayLike<Element>): void {
    const n = elements.length;
    if (n === 0) return;
    const base = baseOf(this.doc);
    const hosts = new Array<string | null>(n);
    const unique = new Set<string>();
    let prev = '';
    for (let i = 0; i < n; i++) {
      const host = hostOfElement(elements[i] as Element, base, this.hostCache);
      hosts[i] = host;
      if (host && host !== prev) unique.add((prev = host));
    }
    const batch: Batch = { elements, hosts, unanswered: new Set() };
    let dangerous = false;
    for (const host of unique) {
      if (this.dangerous.has(host)) dangerous = true;
      // A known dangerous host is answered already, but after a rescan: asked again, it may be cleared.
      if (!this.answered.has(host)) {
        batch.unanswered.add(host);
        this.queue(host);
      }
    }
    if (dangerous) this.markIn(batch, this.dangerous);
    if (batch.unanswered.size > 0) this.batches.push(batch);
  }

  /**
   * Marks the links of `batch` that (still) point to a host of `found`. By
   * the array's own indexOf for each dangerous host (a few), not a loop over
   * every link: the script runs cold, and 3,000 interpreted steps cost ~1 ms.
   */
  private markIn(batch: Batch, found: ReadonlyMap<string, DangerousHost>): void {
    const base = baseOf(this.doc);
    const hits: Element[] = [];
    for (const host of found.keys()) {
      for (let i = batch.hosts.indexOf(host); i !== -1; i = batch.hosts.indexOf(host, i + 1)) {
        const el = batch.elements[i] as Element;
        if (el.isConnected && hostOfElement(el, base) === host) hits.push(el);
      }
    }
    if (hits.length > 0) this.deps.onDangerous(hits, this.dangerous);
  }

  private queue(host: string): void {
    if (host === '' || this.asked.has(host)) return;
    this.asked.add(host);
    this.pendingHosts.push(host);
  }

  /** All links when the base host itself is dangerous (a `<base href>` to it), else off-base ones. */
  private selector(): string {
    return this.dangerous.has(baseOf(this.doc).host) ? LINK_SELECTOR : OFF_BASE_SELECTOR;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'attributes') this.pendingNodes.push(r.target);
      else for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) this.pendingNodes.push(n);
    }
    if (this.pendingNodes.length > 0) this.requestFlush();
  }

  private drainNodes(): void {
    if (this.pendingNodes.length === 0) return;
    const nodes = this.pendingNodes;
    this.pendingNodes = [];
    const found: Element[] = [];
    const selector = this.selector();
    this.queue(baseOf(this.doc).host); // a <base> added later
    for (const n of nodes) {
      const el = n as Element;
      if (!el.isConnected) continue;
      if (el.matches(selector)) found.push(el);
      if (el.firstElementChild) for (const c of dom.all(el, selector)) found.push(c);
    }
    this.collect(found);
  }

  private requestFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.schedule(() => void this.flush());
  }

  private async ask(hosts: string[]): Promise<void> {
    let results: DangerousHost[] | null = null;
    try {
      results = await this.deps.checkHosts(hosts);
    } catch {
      // Worker unreachable: forget these hosts so a later batch retries them.
      for (const h of hosts) this.asked.delete(h);
    }
    const found = new Map<string, DangerousHost>();
    for (const r of results ?? []) found.set(r.host, r);
    const cleared = new Set(results ? hosts.filter((h) => this.dangerous.has(h) && !found.has(h)) : []);
    for (const h of cleared) this.dangerous.delete(h);
    if (cleared.size > 0) this.deps.onCleared(cleared);
    for (const [host, d] of found) this.dangerous.set(host, d);
    if (results) for (const h of hosts) this.answered.add(h);
    for (const b of this.batches) {
      if (found.size > 0) this.markIn(b, found);
      for (const h of hosts) b.unanswered.delete(h);
    }
    this.batches = this.batches.filter((b) => b.unanswered.size > 0);
    const base = baseOf(this.doc);
    if (found.has(base.host)) this.markRelativeLinks();
  }

  /** Rare: the base host itself is dangerous, so every relative link leads there. */
  private markRelativeLinks(): void {
    const base = baseOf(this.doc);
    const hits: Element[] = [];
    const all = dom.all(this.doc, LINK_SELECTOR);
    for (let i = 0; i < all.length; i++) {
      const el = all[i] as Element;
      if (hostOfElement(el, base) === base.host) hits.push(el);
    }
    if (hits.length > 0) this.deps.onDangerous(hits, this.dangerous);
  }
}
