// Records every DOM change made after the document was parsed, for "a clean
// page gets no DOM change at all". Install as an init script (Playwright
// addInitScript / puppeteer evaluateOnNewDocument): it runs in the page's main
// world before any page script, and is serialized, so it must stay
// self-contained. Read the result with `page.evaluate(readLateMutations)`.
export function recordLateMutations(): void {
  const w = window as unknown as { __late: string[] };
  w.__late = [];
  let parsed = false;
  const describe = (r: MutationRecord) =>
    `${r.type} ${r.target.nodeName} ${r.attributeName ?? ''} +${[...r.addedNodes].map((n) => n.nodeName)} -${[...r.removedNodes].map((n) => n.nodeName)}`;
  const observer = new MutationObserver((records) => {
    for (const r of records) if (parsed || r.type === 'attributes') w.__late.push(describe(r));
  });
  // Records still queued at DOMContentLoaded are the parser's last insertions.
  document.addEventListener('DOMContentLoaded', () => {
    for (const r of observer.takeRecords()) if (r.type === 'attributes') w.__late.push(describe(r));
    parsed = true;
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

export function readLateMutations(): string[] | undefined {
  return (window as unknown as { __late?: string[] }).__late;
}
