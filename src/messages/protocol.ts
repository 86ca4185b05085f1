// The one definition of every message between the worker, content scripts and
// extension pages. Senders build requests with these types; the worker
// validates every incoming value with `parseRequest` before acting on it,
// because a compromised or hostile page could forward anything.
import type { ListMeta, Match, Verdict } from '../core/model.ts';
import type { ContinueMode } from '../core/policy/settings.ts';
import type { ReportLink } from '../core/policy/report.ts';
import type { ManagedSettings, SettingKey } from '../core/policy/settings.ts';
import type { PhraseProblem } from '../core/phrase/security-phrase.ts';
import type { Retention, StopEvent } from '../core/report/index.ts';
import type { WatchedPassword } from '../core/password-alert/matcher.ts';
import type { Lookalike } from '../core/lookalike/verdict.ts';

export type { ContinueMode };

/** Why a host or page is dangerous, and how sure we are. */
export type Finding =
  | { level: 'blocked'; match: Match; list: ListMeta }
  /** A look-alike guess: what it imitates and why (src/core/lookalike/verdict.ts). */
  | ({ level: 'suspected' } & Lookalike);

export interface LookupResult {
  verdict: Verdict;
  finding: Finding | null;
  continueMode: ContinueMode;
  /** For 'timed-with-reason': how long the continue lasts. */
  continueMinutes?: number;
  /** "This is a mistake": where to send it (url null = show/copy the text). */
  report?: ReportLink;
}

export interface HostResult {
  host: string;
  finding: Finding | null;
}

/**
 * A dangerous host as `checkHosts` answers it, with the words its link marks
 * carry (linkMarkMessage, in the worker's locale): a content script's first
 * i18n.getMessage is a synchronous IPC for the whole catalogue, ~3 ms of the
 * page's main thread in Chromium, and a page that only has marked links then
 * needs none.
 */
export interface DangerousHost {
  host: string;
  finding: Finding;
  mark: string;
}

export interface PageAssessment {
  /** Finding for the page itself (blocked or look-alike), if any. */
  page: Finding | null;
  /**
   * Set when `page` is the finding of a page that embeds the asking frame
   * (the tab's top-level page, or a frame in between) rather than of the
   * frame itself (a clean frame embedded by a dangerous page): its host (what
   * the warning names) and URL (what "Continue" is granted for).
   */
  top?: { host: string; url: string };
  /** Findings for the form/XHR targets that are dangerous, keyed by host. */
  targets: HostResult[];
  /** The user already chose to continue on this host this session. */
  continued: boolean;
  continueMode: ContinueMode;
}

export type ProceedScope = 'page' | 'credentials';

/** The warnings a page shows and reports itself (the worker records password alerts and subresource blocks). */
export type ShownStopKind = 'full-page' | 'link-click' | 'credential-overlay';
const SHOWN_STOP_KINDS: readonly ShownStopKind[] = ['full-page', 'link-click', 'credential-overlay'];
/** A choice reported by itself; continuing past a block goes through 'proceed' (with its stopId). */
export type StopChoice = 'went-back' | 'continued';

/** The local protection report as the report page gets it: rows newest first, and the caps in force. */
export interface ReportView {
  rows: StopEvent[];
  limits: Retention;
}

export type Request =
  | { type: 'lookup'; url: string }
  | { type: 'checkHosts'; hosts: string[] }
  | { type: 'assessPage'; url: string; targets: string[] }
  /** The user chose to continue: past the full-page warning ('page') or the credential overlay ('credentials'). */
  | { type: 'proceed'; url: string; scope: ProceedScope; reason?: string; stopId?: number }
  /** A warning for `url` is on screen: a report row (null id = nothing listed there, so nothing recorded). */
  | { type: 'stopShown'; kind: ShownStopKind; url: string }
  | { type: 'stopChoice'; id: number; action: StopChoice }
  // The report page (extension pages only):
  | { type: 'readReport' }
  | { type: 'clearReport' }
  /** The warning page found `url` unlisted after the hold sent it there: let exactly it through (src/background/held-pass.ts). */
  | { type: 'passHeld'; url: string }
  /** An overlay that cannot be sure it is on screen: show the full-page warning for `url` in the sender's tab instead. */
  | { type: 'showWarningPage'; url: string }
  | { type: 'status' }
  /** Check the admin update URLs now (popup/options; extension pages only). */
  | { type: 'updateNow' }
  // The popup and options page (extension pages only, src/background/ui-handlers.ts):
  /** Any URL typed by hand: listed, look-alike or fine. */
  | { type: 'checkUrl'; url: string }
  /** The verdict for a tab's page (the active tab when no id is given). */
  | { type: 'tabVerdict'; tabId?: number }
  | { type: 'getUserSettings' }
  /** Replaces the user's own settings (the same keys and rules as the policy). */
  | { type: 'setUserSettings'; settings: Record<string, unknown> }
  | { type: 'sessionAllows' }
  | { type: 'clearSessionAllows' }
  /** The user's security phrase, for a genuine warning to show (content scripts and top-level extension pages). */
  | { type: 'securityPhrase' }
  /** Sets it ('' removes it); the options page only. */
  | { type: 'setSecurityPhrase'; phrase: string }
  // The protected-password alert (src/background/password-alert.ts):
  /** What the sender's frame does with typed passwords: learn, watch (with what to compare) or nothing. */
  | { type: 'passwordScope' }
  /** A password was submitted on a protected login (the sender's frame): the worker keeps its salted truncated hash. */
  | { type: 'learnPassword'; password: string; username: string }
  /** A protected password was just typed in the sender's frame. */
  | { type: 'passwordAlert'; account: string }
  /** The user's answer to the alert: left (or went to change it), or "this is my own site". */
  | { type: 'passwordAlertChoice'; account: string; choice: PasswordAlertChoice }
  /** Options page: how many passwords are learned; forgetting them. */
  | { type: 'passwordAlertStatus' }
  | { type: 'forgetPasswords' };

export type PasswordAlertChoice = 'back' | 'change' | 'own-site';

export type PasswordScope =
  | { mode: 'off' }
  | { mode: 'learn' }
  | {
    mode: 'watch';
    /** Base64 HMAC key: kept in the content script's isolated world only. */
    salt: string;
    passwords: WatchedPassword[];
    /** The admin's password change page, or null. */
    changeUrl: string | null;
    /** The alert offers "This is my own site". */
    ownSite: boolean;
  };

export interface PasswordAlertStatus {
  learned: number;
  /** Where alerts are POSTed (policy passwordAlertReportUrl), or null: nothing is sent. */
  reportUrl: string | null;
}

/** What the popup shows for one URL. */
export interface UrlCheck {
  url: string;
  verdict: Verdict;
  /** Blocked (with provenance) or suspected look-alike; null = not listed. */
  finding: Finding | null;
  /** For a blocked finding: the ready "false positive" report. */
  report?: ReportLink;
}

export interface TabVerdict {
  tabId: number | null;
  /** The page's URL (for the warning page: the blocked URL), null when unknown. */
  url: string | null;
  /** null = not judged (not a web page, or no address readable). */
  check: UrlCheck | null;
}

export interface UserSettingsView {
  /** What the user saved (only the keys they set). */
  user: Partial<ManagedSettings>;
  /** The values in force, managed over user. */
  effective: ManagedSettings;
  /** Keys the organisation's policy sets (locked). */
  managedKeys: SettingKey[];
}

export type SaveSettingsResult = { ok: true } | { ok: false; problems: string[] };

/** null = the user set none (a warning then invites them to). */
export interface SecurityPhrase {
  phrase: string | null;
}

export type SavePhraseResult = ({ ok: true } & SecurityPhrase) | { ok: false; problem: PhraseProblem };

/** Hosts the user chose to open this browser session. */
export interface SessionAllows {
  /** Past the full-page warning. */
  pages: string[];
  /** Past the credential overlay. */
  credentials: string[];
}

/** The admin updater's last results (kept in storage.local as 'updateStatus'). ISO times, null = never. */
export interface UpdateStatus {
  lastCheck: string | null;
  lastSuccess: string | null;
  /** Admin bundle seq in force after the last success. */
  seq: number | null;
  lastError: { code: string; message: string; at: string; url: string | null } | null;
  /** null when no update URL is set (no fetch at all). */
  nextCheck: string | null;
  /** Consecutive failed checks (drives the backoff). */
  failures: number;
}

/** Where a list in force comes from. */
export type ListSource = 'bundled' | 'admin-bundle' | 'policy' | 'user';

export interface StatusResponse {
  /** Identity of everything in force; changes whenever the DNR rules are rebuilt. */
  version: string;
  lists: Array<ListMeta & { source: ListSource }>;
  adminBundle: { seq: number; publisher: string; name: string; created: string; expires: string; appliedAt: string; keyId: string } | null;
  update: UpdateStatus;
  /** Invalid policy values and other configuration problems, one sentence each. */
  problems: string[];
  /** Setting keys set by policy (locked on the options page). */
  managedKeys: string[];
  allowedEntries: number;
}

/** The response type for each request type. */
export interface ResponseMap {
  lookup: LookupResult;
  checkHosts: DangerousHost[];
  assessPage: PageAssessment;
  proceed: { ok: true } | { ok: false; error: string };
  showWarningPage: { ok: true } | { ok: false; error: string };
  /** `url`: the page to open (passableUrl's spelling). */
  passHeld: { ok: true; url: string } | { ok: false; error: string };
  stopShown: { id: number | null };
  stopChoice: { ok: boolean };
  readReport: ReportView;
  clearReport: ReportView;
  status: StatusResponse;
  updateNow: UpdateStatus;
  checkUrl: UrlCheck;
  tabVerdict: TabVerdict;
  getUserSettings: UserSettingsView;
  setUserSettings: SaveSettingsResult;
  sessionAllows: SessionAllows;
  clearSessionAllows: SessionAllows;
  securityPhrase: SecurityPhrase;
  setSecurityPhrase: SavePhraseResult;
  passwordScope: PasswordScope;
  learnPassword: { learned: boolean };
  passwordAlert: { ok: true };
  passwordAlertChoice: { ok: boolean };
  passwordAlertStatus: PasswordAlertStatus;
  forgetPasswords: PasswordAlertStatus;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

const MAX_HOSTS = 1000;
/** Longest URL a request may carry; content scripts send at most this much (boundedUrl). */
export const MAX_URL = 8192;

const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStr = (v: unknown, max = MAX_URL): v is string => typeof v === 'string' && v.length <= max;
const isStrArray = (v: unknown, maxLen: number): v is string[] =>
  Array.isArray(v) && v.length <= maxLen && v.every((s) => isStr(s, 512));

/** A plain object of at most MAX_SETTINGS_CHARS as JSON (the values are checked by parsePolicy). */
const MAX_SETTINGS_CHARS = 8_000_000;
function isSettingsObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  try {
    return JSON.stringify(v).length <= MAX_SETTINGS_CHARS;
  } catch {
    return false;
  }
}

/** Returns the request if `raw` is a well-formed one, else null. Extra fields are dropped. */
export function parseRequest(raw: unknown): Request | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'lookup':
      return isStr(m.url) ? { type: 'lookup', url: m.url } : null;
    case 'checkHosts':
      return isStrArray(m.hosts, MAX_HOSTS) ? { type: 'checkHosts', hosts: m.hosts } : null;
    case 'assessPage':
      return isStr(m.url) && isStrArray(m.targets, MAX_HOSTS)
        ? { type: 'assessPage', url: m.url, targets: m.targets }
        : null;
    case 'proceed': {
      if (!isStr(m.url) || (m.scope !== 'page' && m.scope !== 'credentials')) return null;
      if (m.reason !== undefined && !isStr(m.reason, 2000)) return null;
      if (m.stopId !== undefined && !isId(m.stopId)) return null;
      return {
        type: 'proceed', url: m.url, scope: m.scope,
        ...(m.reason === undefined ? {} : { reason: m.reason }),
        ...(m.stopId === undefined ? {} : { stopId: m.stopId }),
      };
    }
    case 'stopShown':
      return isStr(m.url) && (SHOWN_STOP_KINDS as readonly unknown[]).includes(m.kind)
        ? { type: 'stopShown', kind: m.kind as ShownStopKind, url: m.url }
        : null;
    case 'stopChoice':
      return isId(m.id) && (m.action === 'went-back' || m.action === 'continued') ? { type: 'stopChoice', id: m.id, action: m.action } : null;
    case 'showWarningPage':
    case 'passHeld':
      return isStr(m.url) ? { type: m.type, url: m.url } : null;
    case 'status':
      return { type: 'status' };
    case 'updateNow':
      return { type: 'updateNow' };
    case 'checkUrl':
      return isStr(m.url) ? { type: 'checkUrl', url: m.url } : null;
    case 'tabVerdict':
      if (m.tabId === undefined) return { type: 'tabVerdict' };
      return Number.isSafeInteger(m.tabId) && (m.tabId as number) >= 0 ? { type: 'tabVerdict', tabId: m.tabId as number } : null;
    case 'setUserSettings':
      return isSettingsObject(m.settings) ? { type: 'setUserSettings', settings: m.settings } : null;
    case 'getUserSettings':
    case 'readReport':
    case 'clearReport':
    case 'passwordScope':
    case 'passwordAlertStatus':
    case 'forgetPasswords':
    case 'sessionAllows':
    case 'clearSessionAllows':
    case 'securityPhrase':
      return { type: m.type };
    // Any text up to a bound: the worker checks the phrase itself (core/phrase) and says what is wrong.
    case 'setSecurityPhrase':
      return isStr(m.phrase, 1000) ? { type: 'setSecurityPhrase', phrase: m.phrase } : null;
    // 1000 characters: far over any password a human types, under anything that would cost the worker.
    case 'learnPassword':
      return isStr(m.password, 1000) && isStr(m.username, 1000) ? { type: 'learnPassword', password: m.password, username: m.username } : null;
    case 'passwordAlert':
      return isStr(m.account, 512) ? { type: 'passwordAlert', account: m.account } : null;
    case 'passwordAlertChoice':
      return isStr(m.account, 512) && (m.choice === 'back' || m.choice === 'change' || m.choice === 'own-site')
        ? { type: 'passwordAlertChoice', account: m.account, choice: m.choice }
        : null;
    default:
      return null;
  }
}

/**
 * The messages the worker pushes to a content script (tabs.sendMessage to
 * one frame; pages and other extensions cannot send them), when what judges
 * pages changed while the page was open: `reloadListed`, the frame's page is
 * listed now, so it navigates again to meet the rules; `rejudge`, the lists
 * or the protected domains changed, so it asks for its verdict again (a
 * look-alike of a newly protected domain). `url` is the frame's page as the
 * worker saw it; a frame that has moved on since ignores it.
 */
export type Push = { type: 'reloadListed' | 'rejudge'; url: string };

export function parsePush(raw: unknown): Push | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  return (m.type === 'reloadListed' || m.type === 'rejudge') && isStr(m.url) ? { type: m.type, url: m.url } : null;
}
