// Chromium side of the DOM inspection (harness/dom-tree.ts): the extension's
// closed shadow roots are invisible to page scripts and Playwright locators,
// but CDP DOM.getDocument with `pierce: true` returns them.
import type { CDPSession, Page } from 'playwright-core';
import { badgeBeforeIn, byId, closedRootHostsIn, overlaysIn, waitFor, waitForEnabledButton, type Overlay, type TreeNode } from './dom-tree.ts';

export type { Overlay, TreeNode } from './dom-tree.ts';

interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

function toTree(n: CdpNode): TreeNode {
  const attributes: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) attributes[a[i] as string] = a[i + 1] as string;
  const sr = n.shadowRoots?.find((r) => r.shadowRootType !== 'user-agent');
  return {
    id: n.backendNodeId,
    nodeType: n.nodeType,
    nodeName: n.nodeName,
    nodeValue: n.nodeValue,
    attributes,
    children: (n.children ?? []).map(toTree),
    ...(sr ? { shadowRoot: { mode: sr.shadowRootType ?? 'open', root: toTree(sr) } } : {}),
    ...(n.contentDocument ? { contentDocument: toTree(n.contentDocument) } : {}),
  };
}

export async function pierceDocument(cdp: CDPSession): Promise<TreeNode> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  return toTree(root as unknown as CdpNode);
}

export const findOverlays = async (cdp: CDPSession): Promise<Overlay[]> => overlaysIn(await pierceDocument(cdp));
export const closedRootHosts = async (cdp: CDPSession): Promise<TreeNode[]> => closedRootHostsIn(await pierceDocument(cdp));
export const badgeBefore = async (cdp: CDPSession, linkId: string): Promise<TreeNode | null> => badgeBeforeIn(await pierceDocument(cdp), linkId);

export async function waitForOverlay(cdp: CDPSession, timeoutMs = 10_000): Promise<Overlay> {
  const [o] = await waitFor(() => findOverlays(cdp), (os) => os[0]?.open === true, 'no open extension overlay', timeoutMs);
  return o as Overlay;
}

export async function waitForNoOverlay(cdp: CDPSession, timeoutMs = 5_000): Promise<void> {
  await waitFor(() => findOverlays(cdp), (os) => os.length === 0, 'the overlay is still there', timeoutMs);
}

/** The node `document.elementFromPoint` returns at the viewport centre (retargeted, as the page sees it). */
export async function hitAtCentre(cdp: CDPSession): Promise<{ id: number; nodeName: string }> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.elementFromPoint(innerWidth / 2, innerHeight / 2)' });
  if (!result.objectId) throw new Error('nothing at the centre');
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
  return { id: node.backendNodeId, nodeName: node.nodeName };
}

/** Where a frame's viewport starts in the page's (`cdp` a session on that frame); none for the page's own. */
export type Offset = { x: number; y: number };

/** A real (trusted) mouse click at the centre of a node, e.g. an overlay button. */
export async function clickNode(page: Page, cdp: CDPSession, node: TreeNode, offset: Offset = { x: 0, y: 0 }): Promise<void> {
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.id as number }); // as a user scrolls a dialog taller than its frame
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.id as number });
  const q = model.content;
  await page.mouse.click(offset.x + ((q[0] ?? 0) + (q[4] ?? 0)) / 2, offset.y + ((q[1] ?? 0) + (q[5] ?? 0)) / 2);
}

const centreOf = async (cdp: CDPSession, node: TreeNode): Promise<string> => {
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.id as number });
  return model.content.join(',');
};

/**
 * Clicks an enabled overlay button once it stands still: a line that arrives
 * late (the security phrase) moves the buttons, and a click aimed at where
 * one was lands on the backdrop, as a user's would.
 */
export async function clickButton(page: Page, cdp: CDPSession, label: RegExp, offset?: Offset): Promise<void> {
  const find = () => waitForEnabledButton(() => waitForOverlay(cdp), label);
  let node = await find();
  for (let tries = 0; tries < 20; tries++) {
    const before = await centreOf(cdp, node);
    await page.waitForTimeout(150);
    const again = await find();
    if (again.id === node.id && (await centreOf(cdp, again)) === before) break;
    node = again;
  }
  await clickNode(page, cdp, node, offset);
}

/** Accessible description Chromium computes for the element with this id ('' if none or inert). */
export async function accessibleDescription(cdp: CDPSession, id: string): Promise<string> {
  const n = byId(await pierceDocument(cdp), id);
  if (!n) throw new Error(`no element #${id}`);
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: n.id as number, fetchRelatives: false });
  const desc = nodes[0]?.description?.value;
  return typeof desc === 'string' ? desc : '';
}
