// Requests about the local protection report: warnings reporting themselves,
// the user's choice on them, and the report page reading or clearing it.
import type { RequestOf, ResponseMap } from '../messages/protocol.ts';
import type { Sender } from '../platform/messaging.ts';
import { clearStops, readStops } from '../platform/report-store.ts';
import { recordChoice, recordStopAt, reportLimits } from './report-recorder.ts';

type ReportType = 'stopShown' | 'stopChoice' | 'readReport' | 'clearReport';
type ReportHandlers = { [T in ReportType]: (r: RequestOf<T>, s: Sender) => Promise<ResponseMap[T]> };

async function view(): Promise<ResponseMap['readReport']> {
  const limits = await reportLimits();
  return { rows: await readStops(limits, Date.now()), limits };
}

function onlyExtensionPages(s: Sender): void {
  if (!s.fromExtensionPage) throw new Error('not allowed');
}

export const reportHandlers: ReportHandlers = {
  // The full-page warning is the extension's own page, in its own tab (not framed by a web page);
  // link and credential warnings are the content script's.
  async stopShown({ kind, url }, sender) {
    const fromWarningPage = sender.fromExtensionPage && sender.topFrame;
    if ((kind === 'full-page') !== fromWarningPage) return { id: null };
    return { id: await recordStopAt(kind, url) };
  },

  async stopChoice({ id, action }) {
    return { ok: await recordChoice(id, action) };
  },

  async readReport(_r, sender) {
    onlyExtensionPages(sender);
    return view();
  },

  async clearReport(_r, sender) {
    onlyExtensionPages(sender);
    await clearStops();
    return view();
  },
};
