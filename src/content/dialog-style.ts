// Styles of the extension's own elements. The host element lives in the
// page's light DOM, so page CSS reaches it: every property that could hide,
// move or fade it is pinned inline with !important (see pinStyle), which beats
// any rule in a page stylesheet, `* { display: none !important }` and
// `all: unset !important` included. Everything inside the closed shadow root
// is out of the page's reach and starts from `all: initial`.

/** What a page could use to hide, fade or clip an element, pinned to "shown". */
const SHOWN: Readonly<Record<string, string>> = {
  all: 'initial',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  mask: 'none',
};

export const HOST_STYLE: Readonly<Record<string, string>> = {
  ...SHOWN,
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'content-visibility': 'visible',
  'pointer-events': 'auto',
  'z-index': '2147483647',
};

export const BADGE_HOST_STYLE: Readonly<Record<string, string>> = {
  ...SHOWN,
  display: 'inline-block',
  position: 'static',
  'vertical-align': 'middle',
  'pointer-events': 'none',
};

export const LINK_OUTLINE: Readonly<Record<string, string>> = {
  outline: '3px solid #c5221f',
  'outline-offset': '2px',
};

const COMMON = `
  :host, * { all: initial; }
  style { display: none; }
  dialog, div, p, h2, span, button, label, input, strong { display: block; box-sizing: border-box;
    font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
`;

export const DIALOG_CSS = `${COMMON}
  dialog { position: fixed; inset: 0; margin: auto; width: min(34rem, calc(100vw - 2rem));
    height: fit-content; max-height: calc(100vh - 2rem); overflow: auto; padding: 0; border: 4px solid var(--accent);
    border-radius: 12px; background: #fff; box-shadow: 0 12px 48px rgba(0,0,0,.45); }
  dialog:not([open]) { display: none; }
  dialog::backdrop { background: rgba(20, 0, 0, .72); }
  .head { background: var(--accent); padding: 14px 20px; }
  .badge { display: inline-block; font-weight: 700; font-size: 12px; letter-spacing: .06em;
    text-transform: uppercase; color: var(--accent); background: #fff; border-radius: 4px; padding: 2px 8px; }
  h2 { color: #fff; font-size: 20px; font-weight: 700; margin-top: 8px; }
  .body { padding: 16px 20px 4px; }
  p { margin: 0 0 10px; }
  .provenance { font-size: 13px; color: #444; }
  .phrase { border: 2px dashed var(--accent); border-radius: 8px; padding: 6px 10px; overflow-wrap: anywhere;
    -webkit-user-select: none; user-select: none; }
  .phrase:empty { display: none; }
  .phrase.unseen, .phrase.unseen * { visibility: hidden; }
  .phrase-text { font-weight: 700; font-size: 17px; }
  label { margin: 8px 0 4px; font-weight: 600; }
  input { width: 100%; border: 1px solid #888; border-radius: 6px; padding: 6px 8px; background: #fff; }
  .actions { display: flex; flex-wrap: wrap; gap: 12px; justify-content: flex-end; padding: 12px 20px 18px; }
  button { cursor: pointer; border-radius: 8px; padding: 10px 18px; font-weight: 600; }
  button.safe { background: var(--accent); color: #fff; border: 2px solid var(--accent); }
  button.risky { background: #fff; color: #333; border: 1px solid #888; }
  button.risky:disabled { opacity: .5; cursor: not-allowed; }
  button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
  .blocked { --accent: #b3261e; }
  .suspected { --accent: #8a5300; }
`;

export const BADGE_CSS = `${COMMON}
  span { display: inline-block; font: 700 12px/1 system-ui, sans-serif; color: #fff; background: #c5221f;
    border-radius: 50%; width: 16px; height: 16px; text-align: center; line-height: 16px; margin: 0 3px; }
  span.suspected { background: #8a5300; }
`;

/** `text` as a CSS string: every code point escaped (\HHHHHH), so no character can end the string or the rule. */
export function cssString(text: string): string {
  return `"${[...text].map((c) => `\\${(c.codePointAt(0) ?? 0xfffd).toString(16).padStart(6, '0')}`).join('')}"`;
}
