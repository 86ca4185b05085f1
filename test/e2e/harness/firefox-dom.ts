// Firefox side of the DOM inspection (harness/dom-tree.ts), over the
// WebDriver BiDi session puppeteer-core already holds: node serialization
// with `includeShadowTree: "all"` returns closed shadow roots too (a page
// script cannot see them), and a node's sharedId lets a test measure it and
// click it with real input. puppeteer does not expose raw BiDi commands, so
// the session is reached through its internal objects (puppeteer-core 24).
import type { Page } from 'puppeteer-core';
import { closedRootHostsIn, badgeBeforeIn, overlaysIn, waitFor, waitForEnabledButton, type Overlay, type TreeNode } from './dom-tree.ts';

interface RemoteNode {
  type: 'node';
  sharedId: string;
  value: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: RemoteNode[];
    shadowRoot?: RemoteNode | null;
    mode?: string;
  };
}

type Send = (method: string, params: object) => Promise<{ result: { type: string; result: unknown; exceptionDetails?: { text: string } } }>;

interface BidiFrame {
  browsingContext: { id: string; userContext: { browser: { session: { send: Send } } } };
}

function bidi(page: Page): { send: Send; context: string } {
  const bc = (page.mainFrame() as unknown as BidiFrame).browsingContext;
  if (!bc?.userContext) throw new Error('not a WebDriver BiDi page (puppeteer internals changed?)');
  return { send: bc.userContext.browser.session.send.bind(bc.userContext.browser.session), context: bc.id };
}

async function evaluate(page: Page, expression: string, maxDomDepth: number): Promise<unknown> {
  const { send, context } = bidi(page);
  const { result } = await send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth, includeShadowTree: 'all' },
  });
  if (result.type !== 'success') throw new Error(`BiDi evaluate failed: ${result.exceptionDetails?.text}`);
  return result.result;
}

function toTree(n: RemoteNode): TreeNode {
  const v = n.value;
  const sr = v.shadowRoot;
  return {
    id: n.sharedId,
    nodeType: v.nodeType,
    nodeName: v.nodeType === 1 ? (v.localName ?? '').toUpperCase() : '',
    nodeValue: v.nodeValue ?? '',
    attributes: v.attributes ?? {},
    children: (v.children ?? []).map(toTree),
    ...(sr ? { shadowRoot: { mode: sr.value.mode ?? 'open', root: toTree(sr) } } : {}),
  };
}

/** The page's <html> with every shadow root, closed ones included. */
export async function serializeDocument(page: Page): Promise<TreeNode> {
  return toTree((await evaluate(page, 'document.documentElement', 1000)) as RemoteNode);
}

export const findOverlays = async (page: Page): Promise<Overlay[]> => overlaysIn(await serializeDocument(page));
export const closedRootHosts = async (page: Page): Promise<TreeNode[]> => closedRootHostsIn(await serializeDocument(page));
export const badgeBefore = async (page: Page, linkId: string): Promise<TreeNode | null> => badgeBeforeIn(await serializeDocument(page), linkId);

export async function waitForOverlay(page: Page, timeoutMs = 10_000): Promise<Overlay> {
  const [o] = await waitFor(() => findOverlays(page), (os) => os[0]?.open === true, 'no open extension overlay', timeoutMs);
  return o as Overlay;
}

export async function waitForNoOverlay(page: Page, timeoutMs = 5_000): Promise<void> {
  await waitFor(() => findOverlays(page), (os) => os.length === 0, 'the overlay is still there', timeoutMs);
}

/** sharedId of what `document.elementFromPoint` returns at the viewport centre. */
export async function hitAtCentre(page: Page): Promise<string> {
  const n = (await evaluate(page, 'document.elementFromPoint(innerWidth / 2, innerHeight / 2)', 0)) as RemoteNode;
  return n.sharedId;
}

/** A real mouse click at the centre of a node, also one inside a closed shadow root. */
export async function clickButton(page: Page, label: RegExp): Promise<void> {
  const node = await waitForEnabledButton(() => waitForOverlay(page), label);
  const { send, context } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: '(el) => { const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }',
    arguments: [{ sharedId: node.id }],
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  const xy = (result.result as { value: { value: number }[] }).value.map((c) => c.value);
  await page.mouse.click(xy[0] ?? 0, xy[1] ?? 0);
}
