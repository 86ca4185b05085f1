// On every watched page: compares what the user types, pastes or has
// autofilled into any editable field with the protected passwords, as it is
// typed (core/password-alert/matcher.ts), and alerts before the form can go.
//
// Where: here, in the content script's isolated world, which holds the salt
// and the truncated hashes in memory only (never in the DOM, an attribute or
// anything the page can read). Per change it costs one synchronous HMAC per
// stored length (~20 µs per key for 5 passwords, `npm run bench:password-alert`),
// with no message to the worker.
//
// Before the form can go: the comparison ends within the `input` event that
// completed the password, at window capture, before any page listener; the
// event is stopped there, the fields and every submission are held and the
// alert is up before the next key or Enter. Until the worker has said whether
// the page is watched (a few ms after document_start), a submit waits and is
// sent again once the answer came without a match.
// IME compositions are never compared: their text is not what will be typed.
//
// Not an oracle for the page: a page can insert text itself with trusted
// input events (document.execCommand('insertText')), and an alert that shows
// only on a match would confirm its guesses. So each comparison spends one
// unit of a budget that only the user's own input refills (a key, a paste or
// drop, a click or tap: what precedes typing, pasting or picking an autofill
// suggestion), plus a start of 2 for a password manager that fills at load.
import type { PasswordAlertChoice } from '../messages/protocol.ts';
import { PasswordMatcher, type Hasher, type WatchedPassword } from '../core/password-alert/matcher.ts';
import { dom } from './dom-refs.ts';
import { deepElement, deepTarget } from './credential-entry.ts';
import { CredentialHold } from './credential-hold.ts';

/** The text an editable element holds and where the caret is, or null for anything else. */
export function editableText(el: EventTarget | null): { text: string; caret: number } | null {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const text = el.value;
    let caret: number | null = null;
    try {
      caret = el.selectionEnd; // null (or a throw in old engines) for types without a selection, such as email
    } catch {
      caret = null;
    }
    return { text, caret: caret ?? text.length };
  }
  if (el instanceof HTMLElement && el.isContentEditable) {
    const text = el.textContent ?? '';
    return { text, caret: text.length };
  }
  return null;
}

const isComposition = (e: Event): boolean =>
  (e as InputEvent).isComposing === true || /Composition/.test((e as InputEvent).inputType ?? '');

const START_BUDGET = 2;
const MAX_BUDGET = 64;
/** User input that may precede a change to a field, and how many comparisons it pays for. */
const REFILL: Readonly<Record<string, number>> = { keydown: 1, paste: 1, drop: 1, pointerdown: 2 };

export interface AlertOutcome {
  choice: PasswordAlertChoice;
}

export interface WatchDeps {
  /** Shows the alert for `found` and resolves with the user's answer (the dialog does the rest). */
  alert(found: WatchedPassword): Promise<AlertOutcome>;
}

export class PasswordWatch {
  private matcher: PasswordMatcher | null = null;
  /** Until the worker said whether this page is watched, submits wait. */
  private known = false;
  private composing = false;
  private alerted = false;
  private held: { form: HTMLFormElement; submitter: HTMLElement | null } | null = null;
  private resubmitting = false;
  private budget = START_BUDGET;
  readonly hold = new CredentialHold();

  constructor(
    private readonly win: Window,
    private readonly doc: Document,
    private readonly deps: WatchDeps,
  ) {}

  /** At document_start, before any page script. */
  install(): void {
    this.hold.install(this.win);
    dom.listen(this.win, 'submit', (e) => this.onSubmit(e as SubmitEvent), { capture: true });
    dom.listen(this.win, 'compositionstart', () => (this.composing = true), { capture: true });
    dom.listen(this.win, 'compositionend', () => (this.composing = false), { capture: true });
    // input: keys, paste, drop and autofill alike (autofill fires input without any key); change: fills that skip input.
    for (const type of ['input', 'change']) dom.listen(this.win, type, (e) => this.onInput(e), { capture: true });
    for (const [type, units] of Object.entries(REFILL)) {
      dom.listen(this.win, type, (e) => e.isTrusted && (this.budget = Math.min(MAX_BUDGET, this.budget + units)), { capture: true });
    }
  }

  /** The worker's answer: null = not watched here (or nothing learned). */
  start(passwords: readonly WatchedPassword[] | null, hasher: Hasher | null): void {
    if (passwords && hasher && passwords.length > 0) this.matcher = new PasswordMatcher(passwords, hasher);
    this.known = true;
    // Typed before the answer came: compare what the focused field holds now.
    if (this.matcher) this.compare(deepElement(this.doc.activeElement));
    this.settle();
  }

  private onInput(e: Event): void {
    if (!e.isTrusted || !this.matcher || this.alerted) return;
    if (this.composing || isComposition(e) || this.budget <= 0) return;
    const target = deepTarget(e);
    if (!editableText(target)) return; // a checkbox's change costs nothing
    this.budget--;
    if (this.compare(target)) e.stopImmediatePropagation(); // the page's listeners never see the completed password
  }

  /** True when the text in `target` just completed a protected password (the alert is then up). */
  private compare(target: EventTarget | null): boolean {
    const got = this.matcher ? editableText(target) : null;
    const found = got && this.matcher?.check(got.text, got.caret);
    if (!found) return false;
    this.raise(found, target);
    return true;
  }

  private onSubmit(e: SubmitEvent): void {
    if (this.resubmitting || this.alerted || this.known) return; // after an alert CredentialHold cancels it
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.target instanceof HTMLFormElement) this.held = { form: e.target, submitter: e.submitter };
  }

  /** The worker answered and nothing matched: a submit that waited goes now. */
  private settle(): void {
    if (!this.known || this.alerted || !this.held) return;
    const { form, submitter } = this.held;
    this.held = null;
    this.resubmitting = true;
    try {
      form.requestSubmit(submitter && form.contains(submitter) ? submitter : null);
    } finally {
      this.resubmitting = false;
    }
  }

  private raise(found: WatchedPassword, target: EventTarget | null): void {
    this.alerted = true;
    this.held = null; // the waiting submit is dropped, not sent later
    const fields = [...dom.all(this.doc, 'input')].filter((i): i is HTMLInputElement => i instanceof HTMLInputElement);
    if (target instanceof HTMLInputElement && !fields.includes(target)) fields.push(target);
    this.hold.hold(fields);
    void this.deps.alert(found).then(({ choice }) => {
      if (choice !== 'own-site') return; // leaving: the fields stay held
      this.matcher = null;
      this.alerted = false;
      this.hold.release();
    });
  }
}
