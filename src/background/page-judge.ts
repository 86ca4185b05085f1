// Which pages judge a content script's assessPage request. A frame judging
// only its own URL let a dangerous page embed a clean sign-in from an
// unlisted host (issue 11): the frame saw nothing wrong. So a frame is judged
// by its own URL AND by every page that embeds it, up to its tab's top-level
// page (the browser tells the worker which frame and tab sent it, and which
// frames hold it; a page cannot forge that), nearest first. The frames in
// between count too: a clean page that frames a look-alike page, which frames
// a data: or unlisted sign-in, otherwise hid the look-alike from both ends.
import type { Finding, PageAssessment } from '../messages/protocol.ts';
import { MAX_URL } from '../messages/protocol.ts';
import { hostOf } from './findings.ts';
import { isWebUrl } from './url-check.ts';

export interface PageToJudge {
  url: string;
  host: string;
  /** A page embedding the asking frame (up to the tab's top page), not the frame itself. */
  top: boolean;
}

/** A frame of a tab, as webNavigation.getAllFrames lists it. */
export interface TabFrame {
  frameId: number;
  parentFrameId: number;
  url: string;
}

/** Most frames a page may nest: a deeper chain is cut there (Chromium's own limit is lower). */
const MAX_DEPTH = 32;

/** URLs of the frames between frame `frameId` and its tab's top frame (0), nearest first. */
export function framesBetween(frames: readonly TabFrame[], frameId: number): string[] {
  const byId = new Map(frames.map((f) => [f.frameId, f]));
  const out: string[] = [];
  for (let f = byId.get(byId.get(frameId)?.parentFrameId ?? 0); f && f.frameId !== 0 && out.length < MAX_DEPTH; f = byId.get(f.parentFrameId)) out.push(f.url);
  return out;
}

/** The asking frame's page, then (from a sub-frame) the pages between it and the top, then its tab's top page. */
export function pagesToJudge(frameUrl: string, sender: { topFrame: boolean; tabUrl: string | undefined }, between: readonly string[] = []): PageToJudge[] {
  const out: PageToJudge[] = [];
  const add = (url: string, top: boolean) => {
    const host = hostOf(url);
    // The worker's own copies of frame URLs have no length limit: judge what a request could carry.
    if (host && !out.some((p) => p.host === host)) out.push({ url: url.slice(0, MAX_URL), host, top });
  };
  add(frameUrl, false);
  if (sender.topFrame) return out;
  for (const url of [...between, sender.tabUrl ?? '']) if (isWebUrl(url)) add(url, true);
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
