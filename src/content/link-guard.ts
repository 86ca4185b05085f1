// Stops navigation to a dangerous link until the user has seen a warning.
// Listeners sit on `window` in the capture phase and are added when the
// content script starts (document_start), before any page script runs, so the
// page can neither stop them from firing nor run its own handler first.
// Keyboard activation (Enter on a focused link) arrives as a trusted click.
// A page-synthesized click (`link.click()`) is blocked silently: it must not
// be able to pop warnings at the user.
import type { Finding } from '../messages/protocol.ts';
import { dom } from './dom-refs.ts';
import { dialogSpecFor } from './finding-text.ts';
import type { DialogSpec, ShieldedDialog } from './shielded-dialog.ts';
import type { StopReport } from './stop-report.ts';

export interface LinkGuardDeps {
  /** The dangerous host and finding for a link, or null. */
  findingFor(link: Element): [string, Finding] | null;
  showDialog(spec: DialogSpec): ShieldedDialog;
  /** Opens the URL the way the user asked (same tab or new tab). */
  navigate(url: string, newTab: boolean): void;
  /** The overlay could not be shown for sure: the tab shows the full-page warning for `url` instead. */
  showWarningPage(url: string): void;
  report: StopReport;
}

// Continuing only follows the link: a listed page then meets the worker's
// full-page block, which applies the admin's continue policy.
const LINK_CONTINUE = 'session';

function linkInPath(e: Event): HTMLAnchorElement | HTMLAreaElement | null {
  for (const t of e.composedPath()) {
    if ((t instanceof HTMLAnchorElement || t instanceof HTMLAreaElement) && t.hasAttribute('href')) return t;
  }
  return null;
}

function wantsNewTab(e: MouseEvent, link: HTMLAnchorElement | HTMLAreaElement): boolean {
  return e.type === 'auxclick' || e.ctrlKey || e.metaKey || e.shiftKey || link.target === '_blank';
}

export function installLinkGuard(win: Window, deps: LinkGuardDeps): void {
  let open: ShieldedDialog | null = null;
  const onActivate = (e: Event) => {
    if (!(e instanceof MouseEvent) || (e.type === 'auxclick' && e.button !== 1)) return;
    const link = linkInPath(e);
    const hit = link && deps.findingFor(link);
    if (!link || !hit) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (!e.isTrusted || open) return;
    const [host, finding] = hit;
    const url = link.href;
    const newTab = wantsNewTab(e, link);
    open = deps.showDialog(dialogSpecFor(finding, host, 'link', LINK_CONTINUE));
    const stop = deps.report.shown('link-click', url);
    void open.choice.then(({ choice }) => {
      open = null;
      if (choice !== 'full-page') deps.report.chose(stop, choice === 'continue' ? 'continued' : 'went-back');
      if (choice === 'continue') deps.navigate(url, newTab);
      else if (choice === 'full-page') deps.showWarningPage(url);
    });
  };
  dom.listen(win, 'click', onActivate, { capture: true });
  dom.listen(win, 'auxclick', onActivate, { capture: true });
}
