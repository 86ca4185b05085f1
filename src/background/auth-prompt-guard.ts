// A listed or look-alike site's HTTP authentication (the e2e `/auth-prompt`):
// the browser's own sign-in dialog, which no overlay can cover, would take
// the password for that server. The challenge is cancelled before any dialog
// shows, unless the user already continued past the warning for that host;
// a page's challenge sends its tab to the full-page warning, which says why.
// Judged by the challenging URL and by the tab's page, as a frame is.
import type { AuthChallenge } from '../platform/auth-prompts.ts';
import { sessionAllowedHosts } from '../platform/allowed-hosts.ts';
import { credentialContinues } from '../platform/credential-continues.ts';
import { extensionUrl, redirectTab } from '../platform/navigation.ts';
import { tabPage } from '../platform/tab-page.ts';
import { findingOf, hostOf } from './findings.ts';
import { state, WARNING_PAGE } from './state.ts';

/** True when the challenge must be cancelled (and, for a page, the tab has been sent to the warning). */
export async function guardAuthChallenge(d: AuthChallenge): Promise<boolean> {
  if (d.isProxy) return false;
  const s = await state();
  const page = d.type === 'main_frame' || d.tabId < 0 ? null : ((await tabPage(d.tabId))?.url ?? null);
  const continued = new Set([...(await credentialContinues()), ...(await sessionAllowedHosts())]);
  const dangerous = async (url: string) => {
    const host = hostOf(url);
    if (!host || continued.has(host)) return false;
    return (await findingOf(s, url, host)) !== null;
  };
  const judged = await Promise.all([d.url, ...(page ? [page] : [])].map(dangerous));
  if (!judged.some(Boolean)) return false;
  if (d.type === 'main_frame' && d.tabId >= 0) await redirectTab(d.tabId, `${extensionUrl(WARNING_PAGE)}#${d.url}`);
  return true;
}
