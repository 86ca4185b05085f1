// The protected-password alert in a frame: asks the worker what this frame
// does (learn on a protected sign-in, watch elsewhere, nothing on an allowed
// origin) and wires the learner or the watcher. The listeners are installed
// synchronously at document_start, before the page's, whatever the answer.
import type { Ask } from './ask-worker.ts';
import type { PasswordScope } from '../messages/protocol.ts';
import { hasherFor, type WatchedPassword } from '../core/password-alert/matcher.ts';
import { syncHmacKey } from '../core/password-alert/sync-hmac.ts';
import { installPasswordLearner } from './password-learn.ts';
import { PasswordWatch, type AlertOutcome } from './password-watch.ts';
import { passwordAlertSpec } from './password-alert-text.ts';
import type { DialogSpec, ShieldedDialog } from './shielded-dialog.ts';

export interface PasswordAlertDeps {
  ask: Ask;
  showDialog(spec: DialogSpec): ShieldedDialog;
  leave(): void;
  /** Opens the organisation's password change page in this tab. */
  open(url: string): void;
}

type Watching = Extract<PasswordScope, { mode: 'watch' }>;

function alertFor(win: Window, deps: PasswordAlertDeps, scope: Watching): (found: WatchedPassword) => Promise<AlertOutcome> {
  return async (found) => {
    const host = win.location.host;
    void deps.ask({ type: 'passwordAlert', account: found.label }).catch(() => undefined);
    const dialog = deps.showDialog(passwordAlertSpec({ host, account: found.label, changeUrl: scope.changeUrl, ownSite: scope.ownSite }));
    const { choice } = await dialog.choice;
    const answer = choice === 'continue' ? 'own-site' : scope.changeUrl && choice === 'back' ? 'change' : 'back';
    // "This is my own site" counts once the worker recorded it; leaving happens whatever it answers.
    const told = deps.ask({ type: 'passwordAlertChoice', account: found.label, choice: answer }).catch(() => ({ ok: false }));
    if (answer === 'own-site') return { choice: (await told).ok ? 'own-site' : 'back' };
    if (answer === 'change' && scope.changeUrl) deps.open(scope.changeUrl);
    else deps.leave();
    return { choice: answer };
  };
}

export function installPasswordAlert(win: Window, doc: Document, deps: PasswordAlertDeps): void {
  let scope: PasswordScope | null = null;
  installPasswordLearner(win, doc, (password, username) => {
    if (scope?.mode === 'learn') void deps.ask({ type: 'learnPassword', password, username }).catch(() => undefined);
  });
  let onAlert: (found: WatchedPassword) => Promise<AlertOutcome> = async () => ({ choice: 'back' });
  const watch = new PasswordWatch(win, doc, { alert: (found) => onAlert(found) });
  watch.install();
  void (async () => {
    try {
      scope = await deps.ask({ type: 'passwordScope' });
      if (scope.mode !== 'watch') return watch.start(null, null);
      const hasher = hasherFor(syncHmacKey(scope.salt));
      onAlert = alertFor(win, deps, scope);
      watch.start(scope.passwords, hasher);
    } catch {
      // No worker (or a damaged salt): no alert, but never a page whose forms wait forever.
      scope ??= { mode: 'off' };
      watch.start(null, null);
    }
  })();
}
