// Content script entry, run at document_start in every http(s) frame.
// Order matters: dom-refs is imported first so DOM primitives are captured
// before anything else runs, and the window capture listeners (link clicks,
// credential hold) are added synchronously, before any page script; the
// input shield first of all, so that while a warning is up it sees every
// user event before anyone else.
import { dom } from './dom-refs.ts';
import { installInputShield } from './input-shield.ts';
import { askWorker } from './ask-worker.ts';
import { CredentialGuard } from './credential-guard.ts';
import { installLinkGuard } from './link-guard.ts';
import { LinkMarks } from './link-marks.ts';
import { LinkScanner } from './link-scanner.ts';
import { DEEP_PASS_DELAYS_MS, deepShadowRoots } from './page-roots.ts';
import { idle, leave, navigate, onWorkerPush, whenParsed } from './page-actions.ts';
import { showShieldedDialog, type DialogSpec } from './shielded-dialog.ts';
import { askSecurityPhrase } from './security-phrase.ts';
import { stopReport } from './stop-report.ts';
import { installPasswordAlert } from './password-alert.ts';
import { watchReopen } from './document-reopen.ts';

function main(win: Window, doc: Document): void {
  installInputShield(win);
  const schedule = idle(win);
  const showDialog = (spec: DialogSpec) => showShieldedDialog(doc, { ...spec, phrase: askSecurityPhrase(askWorker) });
  // If the worker cannot put the full-page warning up, leave: never back to a page that hid the warning.
  const showWarningPage = (url: string) => void askWorker({ type: 'showWarningPage', url }).catch(leave(win));
  const report = stopReport(askWorker);
  const marks = new LinkMarks(doc, schedule);
  const scanner = new LinkScanner(doc, {
    checkHosts: (hosts) => askWorker({ type: 'checkHosts', hosts }),
    onDangerous: (elements, dangerous) => marks.mark(elements, dangerous),
    onCleared: (hosts) => marks.unmark(hosts),
    schedule,
  });
  const credentials = new CredentialGuard(win, doc, {
    assess: (url, targets) => askWorker({ type: 'assessPage', url, targets }),
    proceed: (url, reason, stopId) =>
      askWorker({ type: 'proceed', url, scope: 'credentials', ...(reason ? { reason } : {}), ...(stopId === null ? {} : { stopId }) }),
    report,
    showDialog,
    leave: leave(win),
    showWarningPage,
    schedule,
  });
  installLinkGuard(win, { findingFor: (el) => scanner.findingFor(el), showDialog, navigate: navigate(win), showWarningPage, report });
  credentials.install();
  installPasswordAlert(win, doc, { ask: askWorker, showDialog, leave: leave(win), open: (url) => navigate(win)(url, false) });
  const deepPass = () => {
    const roots = deepShadowRoots(doc);
    scanner.addShadowRoots(roots);
    credentials.check(roots);
  };
  watchReopen(doc, () => credentials.reopened());
  onWorkerPush(win, () => {
    credentials.rejudge();
    scanner.rescan();
    schedule(deepPass);
  });
  whenParsed(doc, () => {
    scanner.start();
    credentials.start();
    for (const delay of DEEP_PASS_DELAYS_MS) win.setTimeout(() => schedule(deepPass), delay);
  });
}

// Every frame of a page, data:, blob: and about: ones too (match_origin_as_fallback,
// match_about_blank): a page hides a sign-in or a key reader there, or in an about:blank
// popup it fills itself. Keys typed in a frame dispatch in that frame's window, so each
// frame guards its own.
if (dom && /^(?:https?|data|blob|about):$/.test(location.protocol)) main(window, document);
