// Who may write report rows: the full-page kind only from the warning page in
// its own tab, the in-page kinds only from content scripts; reading and
// clearing only from extension pages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sender } from '../../../src/platform/messaging.ts';

const recordStopAt = vi.fn(async (_kind: string, _url: string) => 9 as number | null);
const clearStops = vi.fn(async () => undefined);
vi.mock('../../../src/background/report-recorder.ts', () => ({
  recordStopAt,
  recordChoice: vi.fn(async () => true),
  reportLimits: vi.fn(async () => ({ maxEvents: 100, maxDays: 1 })),
}));
vi.mock('../../../src/platform/report-store.ts', () => ({ readStops: vi.fn(async () => []), clearStops }));

const { reportHandlers } = await import('../../../src/background/report-handlers.ts');

const sender = (over: Partial<Sender>): Sender => ({ fromExtensionPage: false, frameUrl: 'https://a.test/', tabId: 1, frameId: 0, tabUrl: 'https://a.test/', topFrame: true, ...over });
const warningPage = sender({ fromExtensionPage: true, frameUrl: 'chrome-extension://x/src/ui/warning/warning.html#http://bitwoll.com/' });
const framedWarningPage = sender({ ...warningPage, topFrame: false });
const contentScript = sender({});

beforeEach(() => {
  recordStopAt.mockClear();
  clearStops.mockClear();
});

describe('reportHandlers', () => {
  it('records a full-page stop from the warning page in its own tab', async () => {
    expect(await reportHandlers.stopShown({ type: 'stopShown', kind: 'full-page', url: 'http://bitwoll.com/' }, warningPage)).toEqual({ id: 9 });
    expect(recordStopAt).toHaveBeenCalledWith('full-page', 'http://bitwoll.com/');
  });

  it.each([
    ['a content script claiming a full-page block', 'full-page', contentScript],
    ['the warning page framed by a web page', 'full-page', framedWarningPage],
    ['an extension page claiming a link click', 'link-click', warningPage],
  ] as const)('writes nothing for %s', async (_, kind, from) => {
    expect(await reportHandlers.stopShown({ type: 'stopShown', kind, url: 'http://bitwoll.com/' }, from)).toEqual({ id: null });
    expect(recordStopAt).not.toHaveBeenCalled();
  });

  it('records link clicks and credential overlays from content scripts', async () => {
    await reportHandlers.stopShown({ type: 'stopShown', kind: 'link-click', url: 'http://bitwoll.com/x' }, contentScript);
    await reportHandlers.stopShown({ type: 'stopShown', kind: 'credential-overlay', url: 'https://a.test/' }, contentScript);
    expect(recordStopAt.mock.calls).toEqual([['link-click', 'http://bitwoll.com/x'], ['credential-overlay', 'https://a.test/']]);
  });

  it('lets only extension pages read or clear the report', async () => {
    await expect(reportHandlers.readReport({ type: 'readReport' }, contentScript)).rejects.toThrow('not allowed');
    await expect(reportHandlers.clearReport({ type: 'clearReport' }, contentScript)).rejects.toThrow('not allowed');
    expect(clearStops).not.toHaveBeenCalled();
    expect(await reportHandlers.clearReport({ type: 'clearReport' }, warningPage)).toEqual({ rows: [], limits: { maxEvents: 100, maxDays: 1 } });
    expect(clearStops).toHaveBeenCalledOnce();
  });
});
