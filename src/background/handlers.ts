// Answers the requests of src/messages/protocol.ts. Content scripts run in
// pages we do not trust, so what they may ask is narrow: verdicts, and
// "continue" only for the host of their own tab.
import type { ContinueMode, DangerousHost, Finding, HostResult, Request, RequestOf, ResponseMap } from '../messages/protocol.ts';
import { linkMarkMessage } from '../messages/link-mark.ts';
import { t } from '../platform/i18n.ts';
import type { Sender } from '../platform/messaging.ts';
import { allowHostForSession } from '../platform/dnr.ts';
import { addCredentialContinue, credentialContinues } from '../platform/credential-continues.ts';
import { readUpdateStatus } from '../platform/update-status.ts';
import { allowHostUntil } from '../platform/timed-allows.ts';
import { setAlarm } from '../platform/alarms.ts';
import { continueModeForFindings } from './continue-mode.ts';
import { state, WARNING_PAGE, type State } from './state.ts';
import { extensionUrl, redirectTab } from '../platform/navigation.ts';
import { tabFrames } from '../platform/tab-page.ts';
import { blockedFinding, findingOf, hostOf } from './findings.ts';
import { checkForUpdates } from './updater.ts';
import { checkUrl, isWebUrl } from './url-check.ts';
import { framesBetween, pagesToJudge, pickPageFinding } from './page-judge.ts';
import { extensionPageHandlers } from './ui-handlers.ts';
import { phraseHandlers } from './phrase-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { recordChoice, recordStopAt } from './report-recorder.ts';
import { passwordAlertHandlers } from './password-alert.ts';
import { heldPassHandlers } from './held-pass.ts';

export const CONTINUE_EXPIRY_ALARM = 'continue-expiry';

type Handlers = { [T in Request['type']]: (r: RequestOf<T>, s: Sender) => Promise<ResponseMap[T]> };

/** Listed hosts are blocked; unlisted look-alikes of protected domains are suspected. */
async function findingsForHosts(hosts: readonly string[]): Promise<HostResult[]> {
  const s = await state();
  return Promise.all(hosts.map(async (host) => ({ host, finding: await findingOf(s, `http://${host}/`, host) })));
}

/**
 * URLs of the frames between a sub-frame sender and its tab's top page. A
 * frame the browser cannot place (its tab gone) throws: the content script
 * then keeps its fields held.
 */
async function embedders(sender: Sender): Promise<string[]> {
  if (sender.topFrame || sender.tabId === undefined || sender.frameId === undefined) return [];
  return framesBetween(await tabFrames(sender.tabId), sender.frameId);
}

const modeFor = (s: State, findings: ReadonlyArray<Finding | null>): ContinueMode => continueModeForFindings(s.settings.settings, findings);

/**
 * The user's continue, into the report: on the row of the warning they saw
 * (`stopId`), or a new row when there is none (the warning could not report
 * itself). A typed reason is kept there for the administrator.
 */
async function reportContinue(url: string, scope: 'page' | 'credentials', stopId: number | undefined, reason: string): Promise<void> {
  const action = reason ? 'reason-typed' : 'continued';
  if (stopId !== undefined && (await recordChoice(stopId, action, reason))) return;
  const id = await recordStopAt(scope === 'page' ? 'full-page' : 'credential-overlay', url);
  if (id !== null) await recordChoice(id, action, reason);
}

/** Grants a continue the policy allows, or says why not. The reason is '' unless the mode asks for one. */
async function grantContinue(s: State, url: string, host: string, scope: 'page' | 'credentials', reason: string | undefined): Promise<{ refused: string } | { reason: string }> {
  const finding = blockedFinding(s.engine, await s.engine.lookup(url));
  // An unlisted (look-alike) page's full-page warning stands in for its overlay (content/overlay-visibility.ts): continuing it is continuing that.
  if (scope === 'page' && finding === null) scope = 'credentials';
  const mode = modeFor(s, [finding]);
  if (mode === 'never') return { refused: 'your organisation does not allow this' };
  if (mode === 'timed-with-reason') {
    const why = reason?.trim() ?? '';
    if (why.length === 0) return { refused: 'a reason is required' };
    if (scope === 'page') {
      await setAlarm(CONTINUE_EXPIRY_ALARM, await allowHostUntil(host, Date.now() + s.settings.settings.continueMinutes * 60_000));
      return { reason: why };
    }
    // The credential overlay's continue lasts the session (src/platform/credential-continues.ts).
    await addCredentialContinue(host);
    return { reason: why };
  }
  await (scope === 'page' ? allowHostForSession(host) : addCredentialContinue(host));
  return { reason: '' };
}

const handlers: Handlers = {
  ...extensionPageHandlers,
  ...phraseHandlers,
  ...reportHandlers,
  ...passwordAlertHandlers,
  ...heldPassHandlers,

  async lookup({ url }, sender) {
    // Content scripts ask per host (checkHosts); only extension pages look up URLs.
    if (!sender.fromExtensionPage) throw new Error('not allowed');
    const s = await state();
    const { verdict, finding, report } = await checkUrl(s, url);
    return {
      verdict, finding, continueMode: modeFor(s, [finding]), continueMinutes: s.settings.settings.continueMinutes,
      ...(report ? { report } : {}),
    };
  },

  async checkHosts({ hosts }) {
    return (await findingsForHosts(hosts)).flatMap(({ host, finding }): DangerousHost[] => {
      if (!finding) return [];
      const { key, subs } = linkMarkMessage(finding, host);
      return [{ host, finding, mark: t(key, subs) }];
    });
  },

  async assessPage({ url, targets }, sender) {
    const s = await state();
    const continued = await credentialContinues();
    const judged = await Promise.all(
      pagesToJudge(url, sender, await embedders(sender)).map(async (p) => ({
        ...p,
        finding: await findingOf(s, p.url, p.host),
      })),
    );
    const verdict = pickPageFinding(judged, continued);
    const found = (await findingsForHosts(targets)).filter((r) => r.finding !== null);
    return { ...verdict, targets: found, continueMode: modeFor(s, [verdict.page, ...found.map((r) => r.finding)]) };
  },

  // Harmless whoever asks: it only puts the warning for `url` in the sender's own tab.
  async showWarningPage({ url }, sender) {
    if (sender.tabId === undefined || !isWebUrl(url)) return { ok: false, error: 'not allowed' };
    await redirectTab(sender.tabId, `${extensionUrl(WARNING_PAGE)}#${url}`);
    return { ok: true };
  },

  async proceed({ url, scope, reason, stopId }, sender) {
    const host = hostOf(url);
    if (!host) return { ok: false, error: 'invalid address' };
    // Only the warning page, an extension page, lifts the full-page block;
    // a content script may only lift the overlay of the page it runs in.
    // The warning page must be the tab's own page: a web page that frames it
    // (it is web-accessible) must not be able to click "Continue" for the user.
    // The overlay of a frame warns about the pages that embed it too (page-judge.ts): its continue may name any of them.
    const ownHost = (u: string | undefined) => hostOf(u ?? '') === host;
    const allowed =
      scope === 'page'
        ? sender.fromExtensionPage && sender.topFrame
        : sender.fromExtensionPage || ownHost(sender.frameUrl) || ownHost(sender.tabUrl) || (await embedders(sender)).some(ownHost);
    if (!allowed) return { ok: false, error: 'not allowed' };
    const granted = await grantContinue(await state(), url, host, scope, reason);
    if ('refused' in granted) return { ok: false, error: granted.refused };
    // The continue is granted: a report that cannot be written must not undo it.
    await reportContinue(url, scope, stopId, granted.reason).catch((e: unknown) => console.error('Takedown Guard: report', e));
    return { ok: true };
  },

  async status(_r, sender) {
    // Lists, policy and update details are for the extension's own pages only.
    if (!sender.fromExtensionPage) throw new Error('not allowed');
    const s = await state();
    await s.rules; // report only what the browser enforces
    const b = s.admin.bundle;
    return {
      version: s.version,
      lists: s.lists,
      adminBundle: b && { seq: b.seq, publisher: b.publisher, name: b.name, created: b.created, expires: b.expires, appliedAt: b.appliedAt, keyId: b.keyId },
      update: await readUpdateStatus(),
      problems: [...s.settings.problems, ...s.admin.problems],
      managedKeys: s.settings.managedKeys,
      allowedEntries: s.settings.settings.allowedEntries.length,
    };
  },

  async updateNow(_r, sender) {
    if (!sender.fromExtensionPage) throw new Error('not allowed');
    return checkForUpdates();
  },
};

export function handle(request: Request, sender: Sender): Promise<unknown> {
  const h = handlers[request.type] as (r: Request, s: Sender) => Promise<unknown>;
  return h(request, sender);
}
