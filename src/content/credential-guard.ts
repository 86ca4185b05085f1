// Warns before credentials go to a dangerous place. When the page shows a
// password field or a login form (now, later, in a same-origin frame or an
// open shadow root, or the moment the user focuses or types into one), ask the
// worker once about the page and the hosts its credential forms post to. If
// the page is listed or looks like a protected domain, or a form target is
// listed, show the shielded dialog and hold credential entry until the user
// explicitly continues (remembered by the worker per host for the session).
import type { ContinueMode, Finding, PageAssessment } from '../messages/protocol.ts';
import { CredentialHold } from './credential-hold.ts';
import { credentialTargets, crossOriginLoginForms, findPasswordFields, isCredentialField } from './credential-detect.ts';
import { deepShadowRoots } from './page-roots.ts';
import { dom } from './dom-refs.ts';
import { dialogSpecFor, type WarningContext } from './finding-text.ts';
import type { DialogSpec, ShieldedDialog } from './shielded-dialog.ts';

/**
 * No frame, no form and no input at all (outside open shadow roots): no
 * credential entry to check. Counted by live collections, which cost about
 * half of one selector query over a 10,000-link page. (Isolated worlds and
 * Xrays do not see `<form name="forms">` clobbering `document.forms`.)
 */
const nothingToCheck = (win: Window, doc: Document): boolean =>
  win.length === 0 && doc.forms.length === 0 && doc.getElementsByTagName('input').length === 0;

export interface CredentialDeps {
  assess(url: string, targets: string[]): Promise<PageAssessment>;
  proceed(url: string, reason?: string): Promise<unknown>;
  showDialog(spec: DialogSpec): ShieldedDialog;
  /** The safe way out: history back, or away from the page. */
  leave(): void;
  schedule(fn: () => void): void;
}

interface Danger {
  finding: Finding;
  host: string;
  context: WarningContext;
}

export function dangerIn(a: PageAssessment, pageHost: string): Danger | null {
  if (a.continued) return null;
  if (a.page) return { finding: a.page, host: pageHost, context: 'page' };
  const target = a.targets.find((t) => t.finding);
  return target?.finding ? { finding: target.finding, host: target.host, context: 'target' } : null;
}

export class CredentialGuard {
  readonly hold = new CredentialHold();
  private readonly asked = new Set<string>();
  private dialog: ShieldedDialog | null = null;
  private observer: MutationObserver | null = null;
  private checkQueued = false;
  /**
   * Fields whose use was checked: once per field, not per keystroke, as the
   * deep walk touches every element of the page (later changes to forms reach
   * the MutationObserver anyway). Forgotten when the worker could not answer.
   */
  private fieldsChecked = new WeakSet<Element>();

  constructor(
    private readonly win: Window,
    private readonly doc: Document,
    private readonly deps: CredentialDeps,
  ) {}

  /** At document_start: the capture listeners must precede the page's. */
  install(): void {
    this.hold.install(this.win);
    const onField = (e: Event) => {
      const field = e.composedPath()[0];
      if (!e.isTrusted || !isCredentialField(field) || this.fieldsChecked.has(field) || this.dialog) return;
      this.fieldsChecked.add(field);
      this.check(deepShadowRoots(this.doc), field);
    };
    dom.listen(this.win, 'focusin', onField, { capture: true });
    dom.listen(this.win, 'input', onField, { capture: true });
  }

  /** Once the DOM is there: check now and on every DOM change batch (deep passes call check themselves). */
  start(): void {
    this.check();
    this.observer = new MutationObserver(() => {
      if (this.checkQueued) return;
      this.checkQueued = true;
      this.deps.schedule(() => {
        this.checkQueued = false;
        this.check();
      });
    });
    this.observer.observe(this.doc, { subtree: true, childList: true, attributes: true, attributeFilter: ['type', 'action'] });
  }

  stop(): void {
    this.observer?.disconnect();
    this.dialog?.dispose();
  }

  private get pageHost(): string {
    return this.win.location.hostname;
  }

  /**
   * Asks the worker when credential entry exists and this set of targets is
   * new. `shadowRoots` are open shadow roots to look into too (a deep pass);
   * `field` is one the user is using: an email-only first step of a sign-in
   * counts too.
   */
  check(shadowRoots: readonly ShadowRoot[] = [], field?: HTMLInputElement): void {
    if (this.dialog) return;
    // One traversal settles the common case: nothing credential-like here and
    // no frame to look into.
    if (shadowRoots.length === 0 && !field && nothingToCheck(this.win, this.doc)) return;
    const fields = findPasswordFields(this.doc, shadowRoots);
    if (field && !fields.includes(field)) fields.push(field);
    const forms = crossOriginLoginForms(this.doc, this.pageHost);
    if (fields.length === 0 && forms.length === 0) return;
    const targets = credentialTargets(this.doc, fields, forms, this.pageHost).sort();
    const key = targets.join(' ');
    if (this.asked.has(key)) return;
    this.asked.add(key);
    void this.assess(targets, fields);
  }

  private async assess(targets: string[], fields: HTMLInputElement[]): Promise<void> {
    let answer: PageAssessment;
    try {
      answer = await this.deps.assess(this.win.location.href, targets);
    } catch {
      this.asked.delete(targets.join(' ')); // worker asleep or restarting: ask again next time
      this.fieldsChecked = new WeakSet();
      return;
    }
    const danger = dangerIn(answer, this.pageHost);
    if (danger && !this.dialog) this.warn(danger, answer.continueMode, fields);
  }

  private warn(d: Danger, mode: ContinueMode, fields: HTMLInputElement[]): void {
    this.hold.hold(fields.length > 0 ? fields : findPasswordFields(this.doc, deepShadowRoots(this.doc)));
    const dialog = this.deps.showDialog(dialogSpecFor(d.finding, d.host, d.context, mode));
    this.dialog = dialog;
    void dialog.choice.then(async ({ choice, reason }) => {
      if (choice === 'back') return this.deps.leave();
      await this.deps.proceed(this.win.location.href, reason).catch(() => undefined);
      this.hold.release();
      this.dialog = null;
    });
  }
}
