// Holds credential entry while a warning is up: submits are cancelled and
// keystrokes, pastes and drops into credential fields are swallowed. The
// listeners are installed on `window`, capture phase, at document_start (so
// they run before any page listener) and act only while `held` is true. The
// modal dialog already makes the page inert; this also covers scripted
// focus and fields the page re-enables.
import { dom } from './dom-refs.ts';
import { isCredentialField } from './credential-detect.ts';

const TYPING = ['keydown', 'keypress', 'beforeinput', 'paste', 'drop'] as const;

export class CredentialHold {
  private held = false;
  private disabled: HTMLInputElement[] = [];

  install(win: Window): void {
    const block = (e: Event) => {
      if (!this.held) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    dom.listen(win, 'submit', block, { capture: true });
    const onTyping = (e: Event) => {
      if (this.held && isCredentialField(e.composedPath()[0])) block(e);
    };
    for (const type of TYPING) dom.listen(win, type, onTyping, { capture: true });
  }

  get active(): boolean {
    return this.held;
  }

  hold(fields: readonly HTMLInputElement[]): void {
    this.held = true;
    for (const f of fields) {
      if (f.disabled) continue;
      f.disabled = true;
      this.disabled.push(f);
    }
  }

  release(): void {
    this.held = false;
    for (const f of this.disabled) f.disabled = false;
    this.disabled = [];
  }
}
