// The warning page's pass through the hold (core/dnr/rules.ts): DNR sends
// every page of a host with path entries over the regex budget here first,
// and a page the lists do not name goes on at once; so does a look-alike page
// once the user has chosen to continue on its host (without the pass, the
// hold would bring the warning back after every "Continue").
// Only extension pages ask (a web page could frame the warning page, but a
// pass only ever lets through a page that was not listed: exactly that URL,
// in that tab, as a frame).
import type { RequestOf, ResponseMap } from '../messages/protocol.ts';
import type { Sender } from '../platform/messaging.ts';
import { passOnce } from '../platform/dnr.ts';
import { passableUrl } from '../core/dnr/rules.ts';
import { credentialContinues } from '../platform/credential-continues.ts';
import { state, type State } from './state.ts';
import { checkUrl, isWebUrl } from './url-check.ts';
import { hostOf } from './findings.ts';

/** A pass asked again this soon for the same page means it did not take: stop instead of bouncing. */
const LOOP_MS = 10_000;
const lastPass = new Map<number, { url: string; at: number }>();

/** Not listed, and either no look-alike or one the user continued on. */
async function passable(s: State, url: string): Promise<boolean> {
  const finding = (await checkUrl(s, url)).finding;
  if (finding === null) return true;
  return finding.level === 'suspected' && (await credentialContinues()).has(hostOf(url) ?? '');
}

type PassHandlers = { passHeld: (r: RequestOf<'passHeld'>, s: Sender) => Promise<ResponseMap['passHeld']> };

export const heldPassHandlers: PassHandlers = {
  async passHeld({ url }, sender) {
    const tabId = sender.tabId;
    if (!sender.fromExtensionPage || tabId === undefined || !isWebUrl(url)) return { ok: false, error: 'not allowed' };
    const s = await state();
    const pass = passableUrl(url);
    if (!(await passable(s, url)) || !(await passable(s, pass))) return { ok: false, error: 'listed' };
    const last = lastPass.get(tabId);
    const now = Date.now();
    if (last && last.url === pass && now - last.at < LOOP_MS) return { ok: false, error: 'loop' };
    lastPass.set(tabId, { url: pass, at: now });
    await passOnce(tabId, pass);
    return { ok: true, url: pass };
  },
};
