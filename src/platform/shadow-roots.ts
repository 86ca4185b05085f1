// A content script may look into CLOSED shadow roots, which a page uses to
// hide a password field from everyone else: Chromium's chrome.dom API,
// Firefox's Xray-only Element.openOrClosedShadowRoot. Open roots otherwise.

interface ChromeDom {
  dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null | undefined };
}

export function openOrClosedShadowRoot(el: Element): ShadowRoot | null {
  const chromeDom = (globalThis as { chrome?: ChromeDom }).chrome?.dom?.openOrClosedShadowRoot;
  if (typeof chromeDom === 'function') return chromeDom(el) ?? null;
  const gecko = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  return gecko ?? el.shadowRoot ?? null;
}
