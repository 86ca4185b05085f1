// Which pages judge a content script's assessPage request. A frame judging
// only its own URL let a dangerous page embed a clean sign-in from an
// unlisted host (issue 11): the frame saw nothing wrong. So a frame is judged
// by its own URL AND by its tab's top-level page (the browser tells the worker
// which tab sent it; a page cannot forge that), the frame first.
import type { Finding, PageAssessment } from '../messages/protocol.ts';
import { MAX_URL } from '../messages/protocol.ts';
import { hostOf } from './findings.ts';
import { isWebUrl } from './url-check.ts';

export interface PageToJudge {
  url: string;
  host: string;
  /** The tab's top page, not the asking frame. */
  top: boolean;
}

/** The asking frame's page, then (from a sub-frame) its tab's top page. */
export function pagesToJudge(frameUrl: string, sender: { topFrame: boolean; tabUrl: string | undefined }): PageToJudge[] {
  const out: PageToJudge[] = [];
  const frameHost = hostOf(frameUrl);
  if (frameHost) out.push({ url: frameUrl, host: frameHost, top: false });
  const tab = sender.tabUrl;
  if (!sender.topFrame && tab && isWebUrl(tab)) {
    const host = hostOf(tab);
    // The worker's own copy of the tab URL has no length limit: judge what a request could carry.
    if (host && host !== frameHost) out.push({ url: tab.slice(0, MAX_URL), host, top: true });
  }
  return out;
}

type PageVerdict = Pick<PageAssessment, 'page' | 'top' | 'continued'>;

/**
 * The page finding to warn about: the first judged page with a finding the
 * user has not continued past; else one they did continue past (continued);
 * else none, continued when the frame's own host was continued.
 */
export function pickPageFinding(judged: ReadonlyArray<PageToJudge & { finding: Finding | null }>, continued: ReadonlySet<string>): PageVerdict {
  const found = judged.filter((p) => p.finding !== null);
  const open = found.find((p) => !continued.has(p.host));
  const pick = open ?? found[0];
  if (!pick?.finding) {
    const own = judged.find((p) => !p.top);
    return { page: null, continued: own !== undefined && continued.has(own.host) };
  }
  return {
    page: pick.finding,
    continued: open === undefined,
    ...(pick.top ? { top: { host: pick.host, url: pick.url } } : {}),
  };
}
