// How the warning takes input, and what it refuses:
//   - the page gets none of it: a shield at window capture (input-shield.ts)
//     stops every user event and hands the warning's own to `deliver`; inside,
//     the closed root also stops what bubbles up, so nothing leaves it even
//     where the window shield is not in front (defense in depth);
//   - click-jacking: "Continue" ignores activation for INPUT_PROTECTION_MS
//     after the dialog appears, re-opens or moves; in a frame the page
//     embedding it may hide it, and unless the browser vouches that it was
//     seen that long, "Continue" opens the full-page warning instead.
import { dom } from './dom-refs.ts';
import { shield, USER_EVENTS } from './input-shield.ts';
import type { Choice } from './shielded-dialog.ts';

/**
 * A page can place a target where "Continue" is about to appear and get a
 * real click on it the instant the warning opens (or re-opens after being
 * moved). 700 ms is in the range browsers use for the same problem (Chromium
 * permission prompts ~500 ms, Firefox's security.dialog_enable_delay 1000 ms):
 * longer than a double-click or a click that was already on its way (a
 * human reacts in 200-300 ms at best), short enough not to be felt by someone
 * who reads the warning first. "Go back" is the safe answer and is never delayed.
 */
export const INPUT_PROTECTION_MS = 700;

const isEscape = (e: Event): boolean => e.type === 'keydown' && (e as KeyboardEvent).key === 'Escape';

export interface DialogParts {
  host: HTMLElement;
  root: ShadowRoot;
  dialog: HTMLDialogElement;
  back: HTMLButtonElement;
  cont: HTMLButtonElement | null;
  reason: HTMLInputElement | null;
  /** "Go back" waits out the delay too: for an alert that comes up mid-typing, whose Enter must not dismiss it unread. */
  delayBack: boolean;
  /** False while something outside the frame may hide the warning (embedder-vouch.ts): "Continue" then opens the full-page warning. */
  seen(): boolean;
  finish(c: Choice): void;
}

export interface DialogInput {
  /** (Re)starts the input-protection delay: call when the dialog is shown, re-opened or moved. */
  arm(): void;
  release(): void;
}

export function wireDialogInput(p: DialogParts): DialogInput {
  let armed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { cont, reason } = p;
  const sync = () => {
    if (cont) cont.disabled = !armed || (reason !== null && reason.value.trim() === '');
    // Not `disabled`: the focused safe button must keep focus (and its Escape) through the delay.
    if (p.delayBack) dom.setAttr(p.back, 'aria-disabled', String(!armed));
  };
  const back = () => (armed || !p.delayBack) && p.finish('back');
  const activate = (target: Element | null | undefined) => {
    const button = target?.closest('button');
    if (button === p.back) back();
    else if (button && button === cont && !cont.disabled) p.finish(p.seen() ? 'continue' : 'full-page');
  };

  dom.listen(p.back, 'click', (e) => e.isTrusted && back());
  if (cont) dom.listen(cont, 'click', (e) => e.isTrusted && activate(cont));
  if (reason) dom.listen(reason, 'input', sync);
  // Escape fires `cancel`: treat it as the safe choice.
  dom.listen(p.dialog, 'cancel', (e) => {
    e.preventDefault();
    if (e.isTrusted) back();
  });
  for (const type of USER_EVENTS) dom.listen(p.root, type, (e) => e.stopPropagation());

  // As the page sees it, an event of ours targets our host, or <body> once the
  // keeper has moved the host into <body>'s closed root.
  const outerHost = (): Node => {
    const r = p.host.getRootNode();
    return r instanceof ShadowRoot ? r.host : p.host;
  };
  const release = shield({
    owns: (e) => e.target === p.host || e.target === outerHost(),
    deliver: (e) => {
      if (e.type === 'click') {
        const m = e as MouseEvent;
        // Keyboard activation (Enter/Space) has detail 0 and acts on the focused button.
        activate(m.detail === 0 ? p.root.activeElement : p.root.elementFromPoint(m.clientX, m.clientY));
      } else if (e.type === 'input' || e.type === 'keyup') {
        sync();
      } else if (isEscape(e)) {
        back();
      }
    },
    // Escape still means "Go back" wherever the focus is; anything else brings the focus back to the warning.
    stray: (e) => (isEscape(e) ? back() : p.back.focus()),
  });

  return {
    arm() {
      armed = false;
      sync();
      clearTimeout(timer);
      timer = setTimeout(() => {
        armed = true;
        sync();
      }, INPUT_PROTECTION_MS);
    },
    release() {
      clearTimeout(timer);
      release();
    },
  };
}
