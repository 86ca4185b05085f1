// Warns before credentials go to a dangerous place. When the page shows a
// password field or a login form (now, later, in a same-origin frame or an
// open shadow root, or the moment the user focuses or types into one), ask the
// worker once about the page and the hosts its credential forms post to. If
// the page is listed or looks like a protected domain, or a form target is
// listed, show the shielded dialog and hold credential entry until the user
// explicitly continues (remembered by the worker per host for the session).
//
// Detection by form shape misses what a page can build: a CSS-masked text
// input, a contenteditable box, keys read from a canvas, a field in a closed
// shadow root, a clean frame in a dangerous page. So the page itself (and its
// tab's top page) is judged once at document_start, and on a dangerous page
// the first key of any kind, or focus on any credential entry, brings up the
// warning, that event stopped; so does the first press of a pointer, as a
// PIN pad of plain elements takes a password by clicks alone. Until a verdict
// is known, or when the worker cannot give one, keys into credential entry
// are stopped (fail closed).
import type { ContinueMode, Finding, PageAssessment } from '../messages/protocol.ts';
import { CredentialHold } from './credential-hold.ts';
import { credentialTargets, crossOriginLoginForms, findPasswordFields } from './credential-detect.ts';
import { boundedUrl, deepTarget, isCredentialEntry, judgedUrl, TYPING_EVENTS } from './credential-entry.ts';
import { deepShadowRoots } from './page-roots.ts';
import { dom } from './dom-refs.ts';
import { dialogSpecFor, type WarningContext } from './finding-text.ts';
import type { DialogSpec, ShieldedDialog } from './shielded-dialog.ts';
import type { StopReport } from './stop-report.ts';

/**
 * The events that start a press (pointer, mouse, touch; a click or context
 * menu from assistive technology has no pointerdown before it). On a
 * dangerous page the first one brings up the warning; the input shield
 * then stops the rest of the gesture.
 */
const PRESS_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'click', 'auxclick', 'contextmenu'] as const;
const isPress = (type: string): boolean => (PRESS_EVENTS as readonly string[]).includes(type);

/** What a page can read typing from: fields, editable or focusable elements, canvases. */
const TYPING_SURFACES = 'input, textarea, select, [contenteditable], canvas, [tabindex]';

/**
 * No frame, no form and no input at all (outside shadow roots): no
 * credential entry to check. Counted by live collections, which cost about
 * half of one selector query over a 10,000-link page. (Isolated worlds and
 * Xrays do not see `<form name="forms">` clobbering `document.forms`.)
 */
const nothingToCheck = (win: Window, doc: Document): boolean =>
  win.length === 0 && doc.forms.length === 0 && doc.getElementsByTagName('input').length === 0;

export interface CredentialDeps {
  assess(url: string, targets: string[]): Promise<PageAssessment>;
  /** `stopId`: the report row of the warning the user continues past. */
  proceed(url: string, reason: string | undefined, stopId: number | null): Promise<unknown>;
  report: StopReport;
  showDialog(spec: DialogSpec): ShieldedDialog;
  /** The safe way out: history back, or away from the page. */
  leave(): void;
  /** The overlay could not be shown for sure: the tab shows the full-page warning for `url` instead. */
  showWarningPage(url: string): void;
  schedule(fn: () => void): void;
}

interface Danger {
  finding: Finding;
  host: string;
  /** What "Continue" is granted for: this page, or its tab's top page when that is the dangerous one. */
  url: string;
  context: WarningContext;
  mode: ContinueMode;
}

export function dangerIn(a: PageAssessment, page: { host: string; url: string }): Danger | null {
  if (a.continued) return null;
  const mode = a.continueMode;
  if (a.page) return { finding: a.page, host: a.top?.host ?? page.host, url: a.top?.url ?? page.url, context: 'page', mode };
  const target = a.targets.find((t) => t.finding);
  return target?.finding ? { finding: target.finding, host: target.host, url: page.url, context: 'target', mode } : null;
}

/** The page's own verdict: not asked yet or in flight, known, or unknown (the worker could not answer). */
type PageVerdict = { kind: 'pending' } | { kind: 'known'; danger: Danger | null } | { kind: 'unknown' };

/** When the worker could not answer: ask again after these delays (it restarts on demand), holding meanwhile. */
export const RETRY_DELAYS_MS = [250, 1000, 4000, 15000] as const;

const stop = (e: Event): void => {
  e.preventDefault();
  e.stopImmediatePropagation();
};

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
  private verdict: PageVerdict = { kind: 'pending' };
  private failures = 0;
  /** The page called document.open(): see reopened(). */
  private rewritten = false;
  /** Checks with targets in flight: keys into credential entry wait for them. */
  private inFlight = 0;

  constructor(
    private readonly win: Window,
    private readonly doc: Document,
    private readonly deps: CredentialDeps,
  ) {}

  /** At document_start: the capture listeners must precede the page's. */
  install(): void {
    this.hold.install(this.win);
    void this.judgePage();
    const onInput = (e: Event) => this.onUserInput(e);
    for (const type of [...TYPING_EVENTS, ...PRESS_EVENTS, 'focusin'] as const) dom.listen(this.win, type, onInput, { capture: true });
  }

  private async judgePage(): Promise<void> {
    this.verdict = { kind: 'pending' };
    try {
      this.verdict = { kind: 'known', danger: dangerIn(await this.deps.assess(this.url, []), this) };
      this.failures = 0;
      this.escalateIfRewritten();
    } catch {
      this.verdict = { kind: 'unknown' };
      this.retry(() => void this.judgePage());
    }
  }

  /** Asks again later (also at the next use of a credential entry); the fields stay held meanwhile. */
  private retry(ask: () => void): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.failures++, RETRY_DELAYS_MS.length - 1)];
    this.win.setTimeout(ask, delay);
  }

  /** Every trusted key, text, clipboard, press or focus event, before the page's listeners. */
  private onUserInput(e: Event): void {
    if (!e.isTrusted || this.dialog) return; // while a warning is up, input-shield.ts stops everything
    const v = this.verdict;
    const danger = v.kind === 'known' ? v.danger : null;
    if (!danger && isPress(e.type)) return; // a press matters on a dangerous page only: every click of every page comes here
    const target = deepTarget(e);
    if (danger) {
      if (e.type === 'focusin' && !isCredentialEntry(target)) return;
      stop(e);
      this.warn(danger, target instanceof HTMLInputElement ? [target] : []);
      return;
    }
    if (!isCredentialEntry(target)) return;
    if (v.kind !== 'known' || this.inFlight > 0) {
      if (e.type !== 'focusin') stop(e);
      if (v.kind === 'unknown') void this.judgePage();
    }
    if (target instanceof HTMLInputElement && !this.fieldsChecked.has(target)) {
      this.fieldsChecked.add(target);
      this.check(deepShadowRoots(this.doc), target);
    }
  }

  /**
   * What judges pages changed while this one was open (the worker's push):
   * judged again as at load, its credential entry asked about again. While
   * the verdict is pending, keys into credential entry wait for it.
   */
  rejudge(): void {
    if (this.dialog) return;
    this.asked.clear();
    this.fieldsChecked = new WeakSet();
    void this.judgePage();
    this.check(deepShadowRoots(this.doc));
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

  get host(): string {
    // Read on every check: the URL parser only for a document judged by an inherited origin.
    const url = judgedUrl(this.win);
    return url === this.win.location.href ? this.win.location.hostname : new URL(url).hostname;
  }

  /** As a request carries it (a page may make its URL longer than the protocol takes). */
  get url(): string {
    return boundedUrl(judgedUrl(this.win));
  }

  /**
   * Asks the worker when credential entry exists and this set of targets is
   * new. `shadowRoots` are shadow roots to look into too (a deep pass);
   * `field` is one the user is using: an email-only first step of a sign-in
   * counts too.
   */
  check(shadowRoots: readonly ShadowRoot[] = [], field?: HTMLInputElement): void {
    if (this.escalateIfRewritten() || this.dialog) return;
    // One traversal settles the common case: nothing credential-like here and
    // no frame to look into.
    if (shadowRoots.length === 0 && !field && nothingToCheck(this.win, this.doc)) return;
    const fields = findPasswordFields(this.doc, shadowRoots);
    if (field && !fields.includes(field)) fields.push(field);
    const forms = crossOriginLoginForms(this.doc, this.host);
    if (fields.length === 0 && forms.length === 0) return;
    const targets = credentialTargets(this.doc, fields, forms, this.host).sort();
    const key = targets.join(' ');
    if (this.asked.has(key)) return;
    this.asked.add(key);
    void this.assess(targets, fields);
  }

  private async assess(targets: string[], fields: HTMLInputElement[]): Promise<void> {
    let answer: PageAssessment;
    this.inFlight++;
    try {
      answer = await this.deps.assess(this.url, targets);
    } catch {
      // Worker asleep, restarting or refusing: the fields stay held (fail
      // closed) and are asked about again at the next use.
      this.hold.hold(fields);
      this.asked.delete(targets.join(' '));
      this.fieldsChecked = new WeakSet();
      this.retry(() => this.check(deepShadowRoots(this.doc), fields[0]));
      return;
    } finally {
      this.inFlight--;
    }
    const danger = dangerIn(answer, this);
    if (danger && !this.dialog) this.warn(danger, fields);
    else if (!danger && !this.dialog) this.hold.release();
  }

  /**
   * The page rewrote itself (document-reopen.ts): its scripts' listeners may
   * now run before ours, so a dangerous page gets the full-page warning, now
   * or once it is known to be dangerous.
   */
  reopened(): void {
    this.rewritten = true;
    this.escalateIfRewritten();
  }

  /**
   * A rewritten dangerous page with anything to type into goes to the
   * full-page warning (not an ad frame filled by document.write, with
   * nothing to type into: it is checked again as its DOM changes).
   */
  private escalateIfRewritten(): boolean {
    const v = this.verdict;
    if (!this.rewritten || v.kind !== 'known' || !v.danger || dom.all(this.doc, TYPING_SURFACES).length === 0) return false;
    this.dialog?.dispose();
    this.dialog = null;
    this.hold.hold(findPasswordFields(this.doc, deepShadowRoots(this.doc)));
    this.deps.showWarningPage(v.danger.context === 'target' ? `http://${v.danger.host}/` : v.danger.url);
    return true;
  }

  private warn(d: Danger, fields: HTMLInputElement[]): void {
    this.hold.hold(fields.length > 0 ? fields : findPasswordFields(this.doc, deepShadowRoots(this.doc)));
    const dialog = this.deps.showDialog(dialogSpecFor(d.finding, d.host, d.context, d.mode));
    this.dialog = dialog;
    // The row names what the warning is about: the page, or the host its form posts to.
    const about = d.context === 'target' ? `http://${d.host}/` : d.url;
    const stop = this.deps.report.shown('credential-overlay', about);
    void dialog.choice.then(async ({ choice, reason }) => {
      if (choice === 'back') {
        this.deps.report.chose(stop, 'went-back');
        // Guarded again should the page still be there: its next key brings the warning back.
        this.dialog = null;
        return this.deps.leave();
      }
      // The fields stay held: the tab is leaving for the full-page warning.
      if (choice === 'full-page') return this.deps.showWarningPage(about);
      await this.deps.proceed(d.url, reason, await stop).catch(() => undefined);
      if (this.verdict.kind === 'known' && this.verdict.danger?.host === d.host) this.verdict = { kind: 'known', danger: null };
      this.hold.release();
      this.dialog = null;
    });
  }
}
