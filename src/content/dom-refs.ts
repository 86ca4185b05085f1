// DOM primitives captured when the content script starts.
//
// What actually protects us: content scripts run in an ISOLATED world.
// Chromium gives each world its own JavaScript wrappers and prototype objects
// for the shared DOM, so a page that replaces `Element.prototype.attachShadow`
// or `HTMLDialogElement.prototype.showModal` changes only its own world's
// objects. Firefox gives content scripts "Xray vision": they see the native
// DOM properties, never ones a page redefined (MDN, "Content scripts" >
// "DOM access"; "Xray vision"). Capturing the references here, before any
// other module runs, is defense in depth: it also guards against a shared
// world (a future MAIN-world build, or a test harness) and against our own
// later code shadowing a name. Calls go through Reflect.apply so a replaced
// Function.prototype.call cannot intercept them either.

const apply = Reflect.apply;
const E = Element.prototype;
const N = Node.prototype;
const ET = EventTarget.prototype;
const D = HTMLDialogElement.prototype;

const attachShadow = E.attachShadow;
const setAttribute = E.setAttribute;
const removeAttribute = E.removeAttribute;
const querySelectorAll = E.querySelectorAll;
const docQuerySelectorAll = Document.prototype.querySelectorAll;
const appendChild = N.appendChild;
const insertBefore = N.insertBefore;
const addEventListener = ET.addEventListener;
const removeEventListener = ET.removeEventListener;
// Identical to the above in browsers (Window inherits EventTarget.prototype);
// DOM emulations used in unit tests give the window its own method.
const addWindowListener = globalThis.addEventListener;
const removeWindowListener = globalThis.removeEventListener;
const showModal = D.showModal;
const closeDialog = D.close;
const createElement = Document.prototype.createElement;

const ownRoots = new WeakSet<ShadowRoot>();

interface Listener {
  target: EventTarget;
  type: string;
  fn: (e: Event) => void;
  options: AddEventListenerOptions | undefined;
}
/** Ours on the window and documents, in the order added (relisten). */
const globalListeners: Listener[] = [];
const addListener = (target: EventTarget, type: string, fn: (e: Event) => void, options?: AddEventListenerOptions): void =>
  void apply(target === globalThis ? addWindowListener : addEventListener, target, [type, fn, options]);

export const dom = {
  create<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K] {
    return apply(createElement, doc, [tag]) as HTMLElementTagNameMap[K];
  },
  closedShadow(host: Element): ShadowRoot {
    const root = apply(attachShadow, host, [{ mode: 'closed' }]) as ShadowRoot;
    ownRoots.add(root);
    return root;
  },
  /** A root of our own UI (marks, overlays): never a page's content to scan. */
  isOwnRoot(root: ShadowRoot): boolean {
    return ownRoots.has(root);
  },
  append<T extends Node>(parent: Node, child: T): T {
    return apply(appendChild, parent, [child]) as T;
  },
  insertBefore<T extends Node>(parent: Node, child: T, ref: Node | null): T {
    return apply(insertBefore, parent, [child, ref]) as T;
  },
  setAttr(el: Element, name: string, value: string): void {
    apply(setAttribute, el, [name, value]);
  },
  removeAttr(el: Element, name: string): void {
    apply(removeAttribute, el, [name]);
  },
  all(root: Document | Element | ShadowRoot | DocumentFragment, selector: string): NodeListOf<Element> {
    const fn = root.nodeType === Node.DOCUMENT_NODE ? docQuerySelectorAll : root instanceof Element ? querySelectorAll : DocumentFragment.prototype.querySelectorAll;
    return apply(fn, root, [selector]) as NodeListOf<Element>;
  },
  listen(target: EventTarget, type: string, fn: (e: Event) => void, options?: AddEventListenerOptions): void {
    if (target === globalThis || target instanceof Document) globalListeners.push({ target, type, fn, options });
    addListener(target, type, fn, options);
  },
  /** Removes a listener added with listen (and from what relisten adds again). */
  unlisten(target: EventTarget, type: string, fn: (e: Event) => void, options?: AddEventListenerOptions): void {
    const capture = options?.capture === true;
    const at = globalListeners.findIndex((l) => l.target === target && l.type === type && l.fn === fn && (l.options?.capture === true) === capture);
    if (at >= 0) globalListeners.splice(at, 1);
    apply(target === globalThis ? removeWindowListener : removeEventListener, target, [type, fn, options]);
  },
  /**
   * Adds again every listener of ours on the window and documents:
   * document.open() erases them all (HTML, "document open steps"). Adding
   * one that is still there changes nothing, so this is safe at any time.
   */
  relisten(): void {
    for (const l of globalListeners) addListener(l.target, l.type, l.fn, l.options);
  },
  showModal(d: HTMLDialogElement): void {
    apply(showModal, d, []);
  },
  close(d: HTMLDialogElement): void {
    apply(closeDialog, d, []);
  },
};

/** Sets each property inline with !important: inline important beats every page stylesheet rule. */
export function pinStyle(el: HTMLElement, props: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(props)) el.style.setProperty(name, value, 'important');
}
