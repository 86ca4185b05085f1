// Finds where credentials are entered: password fields, and login forms
// (a username/email field next to a password, or a username/email form that
// posts to another origin, the first step of a two-step sign-in). Looks into
// same-origin frames and the shadow roots it is given (page-roots.ts).
// Fields in CLOSED shadow roots are invisible to everyone but their page;
// typing into them is still seen through composed events.
import { dom } from './dom-refs.ts';
import { resolveHost } from './link-hosts.ts';
import { childDocuments } from './page-roots.ts';

// HTML matches the `type` attribute case-insensitively, so PASSWORD is found too.
const PASSWORD = 'input[type=password]';
const USERNAME_HINT = /user|login|email|e-mail|account|identifier|loginfmt|phone/i;

export function isPasswordField(el: unknown): el is HTMLInputElement {
  return el instanceof HTMLInputElement && el.type === 'password';
}

/** Username/email-like text input. */
export function isUsernameField(el: unknown): el is HTMLInputElement {
  if (!(el instanceof HTMLInputElement)) return false;
  if (el.type === 'email') return true;
  if (el.type !== 'text' && el.type !== 'tel') return false;
  const ac = el.autocomplete.toLowerCase();
  if (ac.includes('username') || ac.includes('email')) return true;
  return USERNAME_HINT.test(`${el.name} ${el.id}`);
}

export function isCredentialField(el: unknown): el is HTMLInputElement {
  return isPasswordField(el) || isUsernameField(el);
}

/** Password fields in the document, its same-origin frames and the given shadow roots. */
export function findPasswordFields(doc: Document, shadowRoots: readonly ShadowRoot[] = []): HTMLInputElement[] {
  const roots: (Document | ShadowRoot)[] = [doc, ...childDocuments(doc), ...shadowRoots];
  return roots.flatMap((r) => [...dom.all(r, PASSWORD)] as HTMLInputElement[]);
}

// A form's named inputs shadow its properties (`<input name="action">` makes
// form.action that input, likewise `elements`, `baseURI`), so read attributes
// and query children instead, and take base URLs from the document.
function actionHost(form: HTMLFormElement, doc: Document): string | null {
  const raw = form.getAttribute('action');
  return resolveHost(raw === null || raw === '' ? doc.URL : raw, doc.baseURI);
}

/** Forms with a username field that post to another host than the page. */
export function crossOriginLoginForms(doc: Document, pageHost: string): HTMLFormElement[] {
  return ([...dom.all(doc, 'form')] as HTMLFormElement[]).filter((f) => {
    const host = actionHost(f, doc);
    return host !== null && host !== pageHost && [...dom.all(f, 'input')].some(isCredentialField);
  });
}

/** Hosts that credential forms send to, other than the page's own. */
export function credentialTargets(
  doc: Document,
  fields: readonly HTMLInputElement[],
  forms: readonly HTMLFormElement[],
  pageHost: string,
): string[] {
  const hosts = new Set<string>();
  const pairs: [HTMLFormElement | null, Document][] = [
    ...fields.map((i): [HTMLFormElement | null, Document] => [i.form, i.ownerDocument]),
    ...forms.map((f): [HTMLFormElement, Document] => [f, doc]),
  ];
  for (const [form, owner] of pairs) {
    const h = form && actionHost(form, owner);
    if (h && h !== pageHost) hosts.add(h);
  }
  return [...hosts];
}
