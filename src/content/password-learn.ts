// On a protected sign-in page: when a password is submitted (the form's
// submit, or the Enter or click that signs in on a page without a real form
// submission), hand it to the worker, which keeps only its salted truncated
// hash (src/core/password-alert/learned.ts). The user name goes along only to
// tell accounts apart; it is hashed too, never stored.
import { dom } from './dom-refs.ts';
import { deepTarget } from './credential-entry.ts';
import { isPasswordField, isUsernameField } from './credential-detect.ts';

export type Learn = (password: string, username: string) => void;

const PASSWORDS = 'input[type=password]';

/** The submitted password: on a change-password form (old, new, confirm) the last filled field is the new one. */
function submitted(scope: Document | Element): { password: string; username: string } | null {
  const fields = [...dom.all(scope, PASSWORDS)].filter(isPasswordField).filter((f) => f.value !== '');
  const field = fields.at(-1);
  if (!field) return null;
  const inputs = [...dom.all(field.form ?? scope, 'input')];
  const before = inputs.slice(0, inputs.indexOf(field)).filter(isUsernameField).at(-1);
  return { password: field.value, username: before?.value ?? '' };
}

function scopeOf(target: EventTarget | null, doc: Document): Document | Element {
  return target instanceof Element ? (target.closest('form') ?? doc) : doc;
}

const isSignInClick = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('button, input[type=submit], input[type=button], [role=button]') !== null;

/** At document_start: capture listeners, ahead of the page's (which may navigate away on submit). */
export function installPasswordLearner(win: Window, doc: Document, learn: Learn): void {
  const take = (e: Event) => {
    if (!e.isTrusted && e.type !== 'submit') return; // a scripted submit of a real sign-in still counts
    const found = submitted(scopeOf(e.type === 'submit' ? e.target : deepTarget(e), doc));
    if (found) learn(found.password, found.username);
  };
  dom.listen(win, 'submit', take, { capture: true });
  dom.listen(win, 'keydown', (e) => (e as KeyboardEvent).key === 'Enter' && isPasswordField(deepTarget(e)) && take(e), { capture: true });
  dom.listen(win, 'click', (e) => isSignInClick(deepTarget(e)) && take(e), { capture: true });
}
