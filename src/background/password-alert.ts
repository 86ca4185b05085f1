// The protected-password alert's requests. Content scripts ask what to do in
// their frame (learn on a protected login, watch elsewhere, nothing on an
// allowed origin), send a password submitted on a protected login (hashed
// here: the salt never reaches a protected page), and report a match. The
// frame URL the browser gives for the sender decides, never what it claims.
import type { PasswordAlertStatus, PasswordScope, RequestOf, ResponseMap } from '../messages/protocol.ts';
import type { Sender } from '../platform/messaging.ts';
import { importSalt, isWatched, learnedPassword, loginAt, withLearned } from '../core/password-alert/index.ts';
import type { ManagedSettings } from '../core/policy/settings.ts';
import { addOwnSite, forgetLearned, readOwnSites, readPasswordState, writeLearned } from '../platform/password-store.ts';
import { effectiveSettings } from './settings.ts';
import { postAlertReport, reportPasswordAlert, type PasswordAlertEvent } from './password-alert-report.ts';

type AlertType = 'passwordScope' | 'learnPassword' | 'passwordAlert' | 'passwordAlertChoice' | 'passwordAlertStatus' | 'forgetPasswords';
type AlertHandlers = { [T in AlertType]: (r: RequestOf<T>, s: Sender) => Promise<ResponseMap[T]> };

const settingsNow = async (): Promise<ManagedSettings> => (await effectiveSettings()).settings;

/** The web frame a content script runs in; extension pages have none. */
function frameOf(sender: Sender): URL | null {
  if (sender.fromExtensionPage || !sender.frameUrl) return null;
  try {
    const u = new URL(sender.frameUrl);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

async function watchedHere(frame: URL, s: ManagedSettings): Promise<boolean> {
  const allowedOrigins = [...s.passwordAlertAllowedOrigins, ...(s.passwordAlertOwnSite ? await readOwnSites() : [])];
  return isWatched(frame.href, { protectedLogins: s.protectedLogins, allowedOrigins });
}

async function scopeFor(sender: Sender): Promise<PasswordScope> {
  const frame = frameOf(sender);
  if (!frame) return { mode: 'off' };
  const s = await settingsNow();
  if (loginAt(frame.href, s.protectedLogins)) return { mode: 'learn' };
  if (!(await watchedHere(frame, s))) return { mode: 'off' };
  const { salt, learned } = await readPasswordState();
  if (learned.length === 0) return { mode: 'off' };
  const passwords = learned.map(({ hash, length, label }) => ({ hash, length, label }));
  return { mode: 'watch', salt, passwords, changeUrl: s.passwordAlertChangeUrl, ownSite: s.passwordAlertOwnSite };
}

/** An alert only for an account that is learned and a frame that is watched: a content script cannot make up either. */
async function alertEvent(sender: Sender, account: string, action: PasswordAlertEvent['action']): Promise<PasswordAlertEvent | null> {
  const frame = frameOf(sender);
  if (!frame || !(await watchedHere(frame, await settingsNow()))) return null;
  if (!(await readPasswordState()).learned.some((l) => l.label === account)) return null;
  return { host: frame.host, account, time: new Date().toISOString(), action };
}

/** Learning is read-modify-write of one storage value: one at a time (a sign-in sends its Enter, click and submit). */
let learning: Promise<unknown> = Promise.resolve();
const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
  const run = learning.then(task, task);
  learning = run.catch(() => undefined);
  return run;
};

async function status(): Promise<PasswordAlertStatus> {
  return { learned: (await readPasswordState()).learned.length, reportUrl: (await settingsNow()).passwordAlertReportUrl };
}

export const passwordAlertHandlers: AlertHandlers = {
  passwordScope: (_r, sender) => scopeFor(sender),

  async learnPassword({ password, username }, sender) {
    const frame = frameOf(sender);
    const s = await settingsNow();
    const login = frame && loginAt(frame.href, s.protectedLogins);
    if (!login) throw new Error('not allowed');
    return oneAtATime(async () => {
      const state = await readPasswordState();
      const entry = await learnedPassword(await importSalt(state.salt), login, username, password, s.passwordAlertMinLength);
      if (!entry) return { learned: false };
      await writeLearned(withLearned(state.learned, entry));
      return { learned: true };
    });
  },

  async passwordAlert({ account }, sender) {
    const event = await alertEvent(sender, account, 'alerted');
    if (!event) throw new Error('not allowed');
    void reportPasswordAlert(event).catch((e: unknown) => console.error('Takedown Guard:', e));
    const url = (await settingsNow()).passwordAlertReportUrl;
    if (url) void postAlertReport(url, event).catch((e: unknown) => console.error('Takedown Guard:', e));
    return { ok: true };
  },

  async passwordAlertChoice({ account, choice }, sender) {
    const event = await alertEvent(sender, account, choice);
    if (!event) return { ok: false };
    if (choice === 'own-site') {
      if (!(await settingsNow()).passwordAlertOwnSite) return { ok: false };
      await addOwnSite(new URL(sender.frameUrl as string).origin);
    }
    void reportPasswordAlert(event).catch((e: unknown) => console.error('Takedown Guard:', e));
    return { ok: true };
  },

  async passwordAlertStatus(_r, sender) {
    if (!sender.fromExtensionPage) throw new Error('not allowed');
    return status();
  },

  async forgetPasswords(_r, sender) {
    if (!sender.fromExtensionPage) throw new Error('not allowed');
    await forgetLearned();
    return status();
  },
};
