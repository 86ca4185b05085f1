// A warning the page cannot hide, cover, restyle, remove or answer for the
// user: a modal <dialog> (top layer: above any z-index) inside a CLOSED shadow
// root (page scripts and CSS cannot reach in), on a host element whose style
// is pinned inline with !important. TopLayerKeeper puts it back when the page
// removes it, closes it or opens its own top-layer element over it. Only
// trusted events (real user input) answer it.
import { dom } from './dom-refs.ts';
import { cssString, DIALOG_CSS } from './dialog-style.ts';
import { TopLayerKeeper } from './top-layer-keeper.ts';
import { INPUT_PROTECTION_MS, wireDialogInput } from './dialog-input.ts';
import { watchSeen } from './embedder-vouch.ts';
import type { isReallyOnScreen } from './overlay-visibility.ts';

/** 'full-page': the overlay could not make sure it is (or was) seen; the tab should show the full-page warning instead. */
export type Choice = 'back' | 'continue' | 'full-page';

export interface DialogSpec {
  level: 'blocked' | 'suspected';
  badge: string;
  title: string;
  paragraphs: string[];
  /** Small print under the text: provenance of a listing. */
  provenance?: string[];
  backLabel: string;
  /** Null when policy forbids continuing. */
  continueLabel: string | null;
  /** When set, continuing needs a typed reason (admin policy `timed-with-reason`). */
  reasonLabel?: string;
  /** The safe button waits out the click-jacking delay as well (an alert that opens while the user types). */
  delayBack?: boolean;
  /** The user's security phrase line (finding-text.ts securityPhraseText), filled in when the worker answers. */
  phrase?: Promise<PhraseText | null>;
}

/** `phrase` absent: `label` alone, inviting the user to set one. */
export interface PhraseText {
  label: string;
  phrase?: string;
}

export interface ShieldedDialog {
  readonly choice: Promise<{ choice: Choice; reason?: string }>;
  /** Removes the dialog without an answer (navigation, tests). */
  dispose(): void;
  /** The host element (tests and e2e locate it; the page cannot see inside). */
  readonly host: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, parent: Node, text?: string): HTMLElementTagNameMap[K] {
  const e = dom.create(doc, tag);
  if (text !== undefined) e.textContent = text;
  return dom.append(parent, e);
}

function buildContent(doc: Document, dialog: HTMLDialogElement, spec: DialogSpec) {
  const head = el(doc, 'div', dialog);
  head.className = 'head';
  el(doc, 'span', head, spec.badge).className = 'badge';
  const title = el(doc, 'h2', head, spec.title);
  title.id = 'tg-title';
  const body = el(doc, 'div', dialog);
  body.className = 'body';
  body.id = 'tg-desc';
  const phrase = el(doc, 'p', body);
  phrase.className = 'phrase';
  for (const p of spec.paragraphs) el(doc, 'p', body, p);
  for (const p of spec.provenance ?? []) el(doc, 'p', body, p).className = 'provenance';
  let reason: HTMLInputElement | null = null;
  if (spec.continueLabel && spec.reasonLabel) {
    const label = el(doc, 'label', body, spec.reasonLabel);
    label.htmlFor = 'tg-reason';
    reason = el(doc, 'input', body);
    reason.id = 'tg-reason';
    reason.maxLength = 2000;
  }
  const actions = el(doc, 'div', dialog);
  actions.className = 'actions';
  const cont = spec.continueLabel ? el(doc, 'button', actions, spec.continueLabel) : null;
  if (cont) cont.className = 'risky';
  const back = el(doc, 'button', actions, spec.backLabel);
  back.className = 'safe';
  back.autofocus = true;
  return { back, cont, reason, phrase };
}

/**
 * Only inside the closed root, never markup or an attribute, so the page
 * cannot read the phrase it would need to fake a warning. Not even as a text
 * node: window.find searches rendered text, closed roots included, and would
 * let the page guess it letter by letter. CSS generated content is drawn (and
 * read by screen readers) but found by no search. Empty (hidden) until the
 * answer comes; the line then moves the buttons, so `moved` restarts the
 * click-jacking delay as a move does.
 */
function fillPhrase(doc: Document, line: HTMLParagraphElement, text: DialogSpec['phrase'], moved: () => void): void {
  void text?.then((got) => {
    if (!got) return;
    el(doc, 'span', line, got.label);
    if (got.phrase) {
      el(doc, 'strong', line).className = 'phrase-text';
      el(doc, 'style', line, `.phrase-text::after { content: ${cssString(got.phrase)}; }`);
    }
    moved();
  });
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * `onScreen`: replaced by tests in engines without layout. Where no overlay
 * can be built (a sign-in served as an SVG or XML document, whose
 * createElement makes no HTML elements: attack-svg-signin.svg), the answer
 * is 'full-page' at once: never a silent page.
 */
export function showShieldedDialog(doc: Document, spec: DialogSpec, onScreen?: typeof isReallyOnScreen): ShieldedDialog {
  try {
    return build(doc, spec, onScreen);
  } catch {
    const host = doc.createElementNS(XHTML, 'div') as HTMLElement; // never shown
    return { choice: Promise.resolve({ choice: 'full-page' }), host, dispose: () => {} };
  }
}

function build(doc: Document, spec: DialogSpec, onScreen?: typeof isReallyOnScreen): ShieldedDialog {
  const host = dom.create(doc, 'div');
  const root = dom.closedShadow(host);
  el(doc, 'style', root, DIALOG_CSS);
  const dialog = el(doc, 'dialog', root);
  dialog.className = spec.level;
  dom.setAttr(dialog, 'role', 'alertdialog');
  dom.setAttr(dialog, 'aria-modal', 'true');
  dom.setAttr(dialog, 'aria-labelledby', 'tg-title');
  dom.setAttr(dialog, 'aria-describedby', 'tg-desc');
  const { back, cont, reason, phrase } = buildContent(doc, dialog, spec);

  let settle: (v: { choice: Choice; reason?: string }) => void = () => {};
  const choice = new Promise<{ choice: Choice; reason?: string }>((r) => (settle = r));
  let done = false;
  const close = () => {
    done = true;
    vouch.stop();
    input.release();
    keeper.stop();
    dom.close(dialog);
    host.remove();
  };
  const finish = (c: Choice) => {
    if (done) return; // a click can arrive by two routes (dialog-input.ts)
    close();
    const r = reason?.value.trim();
    settle(c === 'continue' && r ? { choice: c, reason: r } : { choice: c });
  };
  // A frame shows the phrase only while the browser vouches that no embedder hides or covers the warning.
  const vouch = watchSeen(dialog, INPUT_PROTECTION_MS, (seen) => phrase.classList.toggle('unseen', !seen));
  phrase.classList.toggle('unseen', !vouch.seen());
  const input = wireDialogInput({ host, root, dialog, back, cont, reason, delayBack: spec.delayBack === true, seen: vouch.seen, finish });
  // The keeper calls this when it shows the dialog and each time it re-opens or moves it.
  const keeper = new TopLayerKeeper(doc, host, dialog, () => (input.arm(), back.focus()), () => finish('full-page'), onScreen);
  keeper.start();
  fillPhrase(doc, phrase, spec.phrase, () => done || input.arm());
  return { choice, host, dispose: () => done || close() };
}
