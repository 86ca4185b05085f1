// One URL's verdict for the popup and the toolbar icon: listed (with the ready
// "false positive" report) or a look-alike of a protected domain.
import type { UrlCheck } from '../messages/protocol.ts';
import { reportLink } from '../core/policy/index.ts';
import type { State } from './state.ts';
import { blockedFinding, suspectedFinding } from './findings.ts';

export async function checkUrl(s: State, url: string): Promise<UrlCheck> {
  const verdict = await s.engine.lookup(url);
  const finding = blockedFinding(s.engine, verdict) ?? suspectedFinding(s.protectedIndex, verdict.host);
  if (finding?.level !== 'blocked') return { url, verdict, finding };
  const { entry, list } = finding.match;
  const report = reportLink(s.settings.settings, { entry, list, listVersion: s.listVersions.get(list) ?? 'unknown' });
  return { url, verdict, finding, report };
}

/** The blocked URL a warning page shows (after '#'), or the URL itself. */
export function pageUrl(url: string, warningPageUrls: readonly string[]): string {
  const at = warningPageUrls.find((w) => url.startsWith(`${w}#`));
  return at === undefined ? url : url.slice(at.length + 1);
}

export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);
