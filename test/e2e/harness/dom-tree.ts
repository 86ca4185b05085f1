// A browser-neutral snapshot of a page's DOM including CLOSED shadow roots
// (Chromium: CDP DOM.getDocument pierce; Firefox: WebDriver BiDi
// serialization with includeShadowTree "all"), and the queries the e2e tests
// make on it. "Overlay" = a closed root holding a <dialog role="alertdialog">;
// "badge" = an element hosting a closed root right before a marked link.

export interface TreeNode {
  /** CDP backendNodeId or BiDi sharedId: identifies the node in later protocol calls. */
  id: number | string;
  nodeType: number;
  /** Upper case, like Element.tagName. */
  nodeName: string;
  nodeValue: string;
  attributes: Record<string, string>;
  children: TreeNode[];
  shadowRoot?: { mode: string; root: TreeNode };
  contentDocument?: TreeNode;
}

export interface Overlay {
  level: string;
  /** Visible text of the dialog (title, paragraphs, provenance, buttons). */
  text: string;
  open: boolean;
  /** What `document.elementFromPoint` returns for the overlay: its outermost host in the page's own tree. */
  pageHost: TreeNode;
  buttons: { label: string; node: TreeNode }[];
}

export function textOf(n: TreeNode): string {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === 'STYLE') return '';
  const inner = [...(n.shadowRoot ? [n.shadowRoot.root] : []), ...n.children].map(textOf).filter(Boolean);
  return inner.join(' ');
}

interface Visit {
  node: TreeNode;
  /** Outermost shadow host above the node in the page's tree, null in the page's own tree. */
  pageHost: TreeNode | null;
  /** Inside at least one closed shadow root. */
  closed: boolean;
}

export function* walk(n: TreeNode, pageHost: TreeNode | null = null, closed = false): Generator<Visit> {
  yield { node: n, pageHost, closed };
  if (n.shadowRoot) yield* walk(n.shadowRoot.root, pageHost ?? n, closed || n.shadowRoot.mode === 'closed');
  for (const c of n.children) yield* walk(c, pageHost, closed);
  if (n.contentDocument) yield* walk(n.contentDocument);
}

/** Extension dialogs: page-made dialogs (not in a closed root) do not count. */
export function overlaysIn(doc: TreeNode): Overlay[] {
  const found: Overlay[] = [];
  for (const { node, pageHost, closed } of walk(doc)) {
    if (node.nodeName !== 'DIALOG' || node.attributes.role !== 'alertdialog' || !pageHost || !closed) continue;
    const buttons: Overlay['buttons'] = [];
    for (const v of walk(node)) if (v.node.nodeName === 'BUTTON') buttons.push({ label: textOf(v.node), node: v.node });
    found.push({ level: node.attributes.class ?? '', text: textOf(node), open: 'open' in node.attributes, pageHost, buttons });
  }
  return found;
}

/** Elements of the page's own tree that host a closed shadow root. */
export function closedRootHostsIn(doc: TreeNode): TreeNode[] {
  return [...walk(doc)].filter((v) => !v.pageHost && v.node.shadowRoot?.mode === 'closed').map((v) => v.node);
}

export function byId(doc: TreeNode, id: string): TreeNode | null {
  for (const v of walk(doc)) if (v.node.nodeType === 1 && v.node.attributes.id === id) return v.node;
  return null;
}

/** The badge of link #linkId: the element right before it, hosting a closed shadow root; else null. */
export function badgeBeforeIn(doc: TreeNode, linkId: string): TreeNode | null {
  for (const { node } of walk(doc)) {
    const i = node.children.findIndex((k) => k.nodeType === 1 && k.attributes.id === linkId);
    if (i < 0) continue;
    const prev = node.children.slice(0, i).reverse().find((k) => k.nodeType === 1);
    return prev?.nodeName === 'SPAN' && prev.shadowRoot?.mode === 'closed' ? prev : null;
  }
  throw new Error(`no element #${linkId}`);
}

/** Polls `get` until `ok`, then returns the value; throws `what` on timeout. */
export async function waitFor<T>(get: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The overlay button with this label once it is enabled (the overlay's input-protection delay), as a user would wait. */
export async function waitForEnabledButton(overlay: () => Promise<Overlay>, label: RegExp): Promise<TreeNode> {
  const find = (o: Overlay) =>
    o.buttons.find((x) => label.test(x.label) && x.node.attributes.disabled === undefined && x.node.attributes['aria-disabled'] !== 'true');
  const o = await waitFor(overlay, (x) => find(x) !== undefined, `no enabled button ${label}`, 5_000);
  return (find(o) as Overlay['buttons'][number]).node;
}
