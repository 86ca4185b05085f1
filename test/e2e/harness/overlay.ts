// Finds the extension's UI in a page through CDP: its closed shadow roots are
// invisible to page scripts and Playwright locators, but DOM.getDocument with
// `pierce: true` returns them. "Overlay" = a closed root holding a
// <dialog role="alertdialog">; "badge" = a closed root right before a link.
import type { CDPSession, Page } from 'playwright-core';

export interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: 'open' | 'closed' | 'user-agent' })[];
  contentDocument?: DomNode;
}

export interface Overlay {
  level: string;
  /** Visible text of the dialog (title, paragraphs, provenance, buttons). */
  text: string;
  open: boolean;
  /** The element `document.elementFromPoint` returns for the overlay (its outermost host in the page's tree). */
  pageHost: DomNode;
  buttons: { label: string; node: DomNode }[];
}

export function attr(n: DomNode, name: string): string | null {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? '';
  return null;
}

export function textOf(n: DomNode): string {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === 'STYLE') return '';
  const inner = [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).filter(Boolean);
  return inner.join(' ');
}

/** Every node, with the light-DOM host it is retargeted to when inside shadow roots. */
export function* walk(n: DomNode, pageHost: DomNode | null = null): Generator<[DomNode, DomNode | null]> {
  yield [n, pageHost];
  for (const r of n.shadowRoots ?? []) yield* walk(r, pageHost ?? n);
  for (const c of n.children ?? []) yield* walk(c, pageHost);
  if (n.contentDocument) yield* walk(n.contentDocument, null);
}

export async function pierceDocument(cdp: CDPSession): Promise<DomNode> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  return root as unknown as DomNode;
}

/** The shadow root type of `n`, if it hosts one. */
export const shadowType = (n: DomNode): string | undefined => n.shadowRoots?.[0]?.shadowRootType;

function overlayOf(dialog: DomNode, pageHost: DomNode): Overlay {
  const buttons: Overlay['buttons'] = [];
  for (const [n] of walk(dialog)) if (n.nodeName === 'BUTTON') buttons.push({ label: textOf(n), node: n });
  return { level: attr(dialog, 'class') ?? '', text: textOf(dialog), open: attr(dialog, 'open') !== null, pageHost, buttons };
}

/** All extension dialogs in the page (closed roots only: a page's own dialogs do not count). */
export async function findOverlays(cdp: CDPSession): Promise<Overlay[]> {
  const found: Overlay[] = [];
  const root = await pierceDocument(cdp);
  for (const [n, host] of walk(root)) {
    if (n.nodeName !== 'DIALOG' || attr(n, 'role') !== 'alertdialog' || !host) continue;
    if (insideClosedRoot(root, n)) found.push(overlayOf(n, host));
  }
  return found;
}

function insideClosedRoot(root: DomNode, target: DomNode): boolean {
  const search = (n: DomNode, closed: boolean): boolean | null => {
    if (n.backendNodeId === target.backendNodeId) return closed;
    for (const r of n.shadowRoots ?? []) {
      const hit = search(r, closed || r.shadowRootType === 'closed');
      if (hit !== null) return hit;
    }
    for (const c of n.children ?? []) {
      const hit = search(c, closed);
      if (hit !== null) return hit;
    }
    return null;
  };
  return search(root, false) === true;
}

export async function waitForOverlay(cdp: CDPSession, timeoutMs = 10_000): Promise<Overlay> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [o] = await findOverlays(cdp);
    if (o?.open) return o;
    if (Date.now() > deadline) throw new Error('no open extension overlay');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForNoOverlay(cdp: CDPSession, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await findOverlays(cdp)).length > 0) {
    if (Date.now() > deadline) throw new Error('the overlay is still there');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** backendNodeId of what `document.elementFromPoint` returns at the viewport centre (retargeted, as the page sees it). */
export async function hitAtCentre(cdp: CDPSession): Promise<{ backendNodeId: number; nodeName: string }> {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: 'document.elementFromPoint(innerWidth / 2, innerHeight / 2)',
  });
  if (!result.objectId) throw new Error('nothing at the centre');
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
  return { backendNodeId: node.backendNodeId, nodeName: node.nodeName };
}

/** A real (trusted) mouse click at the centre of a node, e.g. an overlay button. */
export async function clickNode(page: Page, cdp: CDPSession, node: DomNode): Promise<void> {
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
  const q = model.content;
  const x = ((q[0] ?? 0) + (q[4] ?? 0)) / 2;
  const y = ((q[1] ?? 0) + (q[5] ?? 0)) / 2;
  await page.mouse.click(x, y);
}

export async function clickButton(page: Page, cdp: CDPSession, label: RegExp): Promise<void> {
  const o = await waitForOverlay(cdp);
  const b = o.buttons.find((x) => label.test(x.label));
  if (!b) throw new Error(`no button ${label} in ${o.buttons.map((x) => x.label).join(', ')}`);
  await clickNode(page, cdp, b.node);
}

/** Accessible description Chromium computes for the element with this id. */
export async function accessibleDescription(cdp: CDPSession, id: string): Promise<string> {
  const root = await pierceDocument(cdp);
  for (const [n] of walk(root)) {
    if (n.nodeType !== 1 || attr(n, 'id') !== id) continue;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: n.backendNodeId, fetchRelatives: false });
    const desc = nodes[0]?.description?.value;
    return typeof desc === 'string' ? desc : '';
  }
  throw new Error(`no element #${id}`);
}

/** Elements in the page's own tree (not inside a shadow root) that host a closed shadow root. */
export async function closedRootHosts(cdp: CDPSession): Promise<DomNode[]> {
  const out: DomNode[] = [];
  for (const [n, host] of walk(await pierceDocument(cdp))) if (!host && shadowType(n) === 'closed') out.push(n);
  return out;
}

/** The badge of a marked link: the element right before it, hosting a closed shadow root. */
export async function badgeBefore(cdp: CDPSession, linkId: string): Promise<DomNode | null> {
  for (const [n] of walk(await pierceDocument(cdp))) {
    const kids = n.children ?? [];
    const i = kids.findIndex((k) => k.nodeType === 1 && attr(k, 'id') === linkId);
    if (i < 0) continue;
    const prev = kids.slice(0, i).reverse().find((k) => k.nodeType === 1);
    return prev && prev.nodeName === 'SPAN' && shadowType(prev) === 'closed' ? prev : null;
  }
  throw new Error(`no element #${linkId}`);
}
