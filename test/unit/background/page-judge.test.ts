import { describe, expect, it } from 'vitest';
import { framesBetween, pagesToJudge, pickPageFinding } from '../../../src/background/page-judge.ts';
import { BLOCKED, SUSPECTED } from '../content/fake-runtime.ts';

const TOP = 'https://login.micros0ft.test/signin';
const FRAME = 'https://widgets.example/login';

describe('pagesToJudge', () => {
  it('judges a sub-frame by its own page and by its tab\'s top page (which the page cannot forge)', () => {
    expect(pagesToJudge(FRAME, { topFrame: false, tabUrl: TOP })).toEqual([
      { url: FRAME, host: 'widgets.example', top: false },
      { url: TOP, host: 'login.micros0ft.test', top: true },
    ]);
  });

  it('judges a top frame, a same-host frame or a frame of a non-web tab by itself alone', () => {
    expect(pagesToJudge(TOP, { topFrame: true, tabUrl: TOP })).toHaveLength(1);
    expect(pagesToJudge('https://login.micros0ft.test/frame', { topFrame: false, tabUrl: TOP })).toHaveLength(1);
    expect(pagesToJudge(FRAME, { topFrame: false, tabUrl: 'chrome://newtab/' })).toHaveLength(1);
  });

  it('judges the pages between a frame and the top too, nearest first, each host once', () => {
    const MIDDLE = 'https://login.micros0ft.test/frame';
    expect(pagesToJudge('data:text/html,x', { topFrame: false, tabUrl: 'https://news.example/' }, [MIDDLE, 'about:blank', 'https://news.example/ad'])).toEqual([
      { url: MIDDLE, host: 'login.micros0ft.test', top: true },
      { url: 'https://news.example/ad', host: 'news.example', top: true },
    ]);
  });

  it('cuts a top page URL to what a request may carry', () => {
    const long = `${TOP}?${'x'.repeat(20_000)}`;
    expect(pagesToJudge(FRAME, { topFrame: false, tabUrl: long })[1]?.url.length).toBe(8192);
  });
});

describe('framesBetween', () => {
  const frames = [
    { frameId: 0, parentFrameId: -1, url: 'https://news.example/' },
    { frameId: 4, parentFrameId: 0, url: 'https://login.micros0ft.test/' },
    { frameId: 9, parentFrameId: 4, url: 'data:text/html,x' },
    { frameId: 12, parentFrameId: 9, url: 'https://widgets.example/' },
  ];

  it('walks from the frame\'s parent up to (not including) the top frame, nearest first', () => {
    expect(framesBetween(frames, 12)).toEqual(['data:text/html,x', 'https://login.micros0ft.test/']);
    expect(framesBetween(frames, 4)).toEqual([]);
    expect(framesBetween(frames, 0)).toEqual([]);
  });

  it('stops at a frame the list does not hold, and on a cycle after a bounded walk', () => {
    expect(framesBetween(frames, 77)).toEqual([]);
    const cycle = [{ frameId: 1, parentFrameId: 2, url: 'https://a.example/' }, { frameId: 2, parentFrameId: 1, url: 'https://b.example/' }];
    expect(framesBetween(cycle, 1)).toHaveLength(32);
  });
});

describe('pickPageFinding', () => {
  const frame = { url: FRAME, host: 'widgets.example', top: false };
  const top = { url: TOP, host: 'login.micros0ft.test', top: true };

  it('warns about the dangerous top page from a clean frame, naming it', () => {
    expect(pickPageFinding([{ ...frame, finding: null }, { ...top, finding: SUSPECTED }], new Set())).toEqual({
      page: SUSPECTED,
      continued: false,
      top: { host: top.host, url: TOP },
    });
  });

  it('prefers a finding not continued past; all continued past: continued', () => {
    const both = [{ ...frame, finding: BLOCKED }, { ...top, finding: SUSPECTED }];
    expect(pickPageFinding(both, new Set([frame.host])).page).toBe(SUSPECTED);
    expect(pickPageFinding(both, new Set([frame.host, top.host]))).toMatchObject({ page: BLOCKED, continued: true });
  });

  it('nothing found: continued only when the frame\'s own host was', () => {
    const clean = [{ ...frame, finding: null }, { ...top, finding: null }];
    expect(pickPageFinding(clean, new Set([top.host]))).toEqual({ page: null, continued: false });
    expect(pickPageFinding(clean, new Set([frame.host]))).toEqual({ page: null, continued: true });
  });
});
