// Collects the hosts a page links to and asks the worker about each host once
// per page, in batches. Work is split into two cheap steps:
//   collect  one pass over new link elements: a Set of hosts (no URL objects);
//   ask      after a short idle delay, unseen hosts go to the worker in chunks.
// Added or changed links arrive through a MutationObserver and are processed
// in the next batch, never one by one. Nothing touches the DOM unless the
// worker names a dangerous host.
import type { Finding, HostResult } from '../messages/protocol.ts';
import { dom } from './dom-refs.ts';
import { baseOf, hostOfElement, LINK_SELECTOR, OFF_BASE_SELECTOR } from './link-hosts.ts';

/** The protocol accepts at most 1000 hosts per checkHosts request. */
export const MAX_HOSTS_PER_REQUEST = 1000;

export interface ScannerDeps {
  checkHosts(hosts: string[]): Promise<HostResult[]>;
  /** Elements pointing to a dangerous host (new or newly known). */
  onDangerous(elements: Element[], dangerous: ReadonlyMap<string, Finding>): void;
  /** Runs `fn` soon, off the critical path (requestIdleCallback or setTimeout). */
  schedule(fn: () => void): void;
}

export class LinkScanner {
  readonly dangerous = new Map<string, Finding>();
  private readonly asked = new Set<string>();
  /** Elements of hosts asked but not answered yet: marked at once if the answer is bad. */
  private readonly waiting = new Map<string, Element[]>();
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
    // Relative links all lead to the base host: ask about it once, and look at
    // the others only.
    this.queue(baseOf(this.doc).host, null);
    this.collect(dom.all(this.doc, this.selector()));
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['href', 'action', 'src'],
    });
    this.requestFlush();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Returns the host when `el` points to a host the worker called dangerous. */
  findingFor(el: Element): [string, Finding] | null {
    const host = hostOfElement(el, baseOf(this.doc));
    const finding = host ? this.dangerous.get(host) : undefined;
    return host && finding ? [host, finding] : null;
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

  // Indexed loop: spreading or for-of over 10,000 nodes costs milliseconds
  // in a Chromium isolated world.
  private collect(elements: ArrayLike<Element>): void {
    const base = baseOf(this.doc);
    const toMark: Element[] = [];
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i] as Element;
      const host = hostOfElement(el, base);
      if (host === null) continue;
      if (this.dangerous.has(host)) toMark.push(el);
      else this.queue(host, el);
    }
    if (toMark.length > 0) this.deps.onDangerous(toMark, this.dangerous);
  }

  private queue(host: string, el: Element | null): void {
    if (host === '') return;
    if (this.asked.has(host)) {
      if (el) this.waiting.get(host)?.push(el);
      return;
    }
    this.asked.add(host);
    this.pendingHosts.push(host);
    this.waiting.set(host, el ? [el] : []);
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
    this.queue(baseOf(this.doc).host, null); // a <base> added later
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
    let results: HostResult[];
    try {
      results = await this.deps.checkHosts(hosts);
    } catch {
      // Worker unreachable: forget these hosts so a later batch retries them.
      for (const h of hosts) {
        this.asked.delete(h);
        this.waiting.delete(h);
      }
      return;
    }
    const findings = new Map<string, Finding>();
    for (const r of results) if (r.finding) findings.set(r.host, r.finding);
    const base = baseOf(this.doc);
    const hits: Element[] = [];
    for (const host of hosts) {
      const elements = this.waiting.get(host) ?? [];
      this.waiting.delete(host);
      const finding = findings.get(host);
      if (!finding) continue;
      this.dangerous.set(host, finding);
      // Still there and still pointing to that host?
      for (const el of elements) if (el.isConnected && hostOfElement(el, base) === host) hits.push(el);
      if (host === base.host) this.markRelativeLinks(hits);
    }
    if (hits.length > 0) this.deps.onDangerous(hits, this.dangerous);
  }

  /** Rare: the base host itself is dangerous, so every relative link leads there. */
  private markRelativeLinks(hits: Element[]): void {
    const base = baseOf(this.doc);
    const all = dom.all(this.doc, LINK_SELECTOR);
    for (let i = 0; i < all.length; i++) {
      const el = all[i] as Element;
      if (hostOfElement(el, base) === base.host) hits.push(el);
    }
  }
}
