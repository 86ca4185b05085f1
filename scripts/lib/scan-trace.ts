// Main-thread time a content script spends on a page, read from a Chromium
// trace (devtools.timeline): the durations of the script's own top-level
// calls (FunctionCall events whose URL is the content script), split into the
// DOMContentLoaded handler (the initial link scan and credential check) and
// the calls after it until the listed links are marked (worker answer,
// marking, the first deep credential check). The one-time evaluation of the
// script at document_start is reported apart: it does not depend on the page.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  /** Wall-clock duration, µs. */
  dur?: number;
  /** Thread (CPU) time, µs: unaffected by other processes taking the core. */
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string } };
}

/** Times are main-thread CPU time (trace `tdur`); wallMs is the wall-clock sum of the same calls. */
export interface ScanCost {
  /** DOMContentLoaded handler: scanner.start() + the first credential check. */
  dclMs: number;
  /** Every content-script call after that until the listed links were marked. */
  laterMs: number;
  /** dclMs + laterMs. */
  scanMs: number;
  wallMs: number;
  /** Compiling and running the script at document_start (page-independent). */
  evalMs: number;
  /** The content script's calls, longest first: "function@line ms". */
  calls: string[];
}

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline'] } });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** Events not nested in an earlier one, in time order. */
function topLevel(events: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

const cpuMs = (events: TraceEvent[]) => events.reduce((t, e) => t + (e.tdur ?? e.dur ?? 0), 0) / 1000;
const wallMs = (events: TraceEvent[]) => events.reduce((t, e) => t + (e.dur ?? 0), 0) / 1000;

/**
 * Traces `run` (typically: load a page and wait until the script is done) and
 * returns the cost of the extension script whose URLs start with `scriptPrefix`.
 */
export async function traceScriptCost(cdp: CDPSession, scriptPrefix: string, run: () => Promise<void>): Promise<ScanCost> {
  const events = await traced(cdp, run);
  const ours = events.filter((e) => e.ph === 'X' && e.args?.data?.url?.startsWith(scriptPrefix));
  const calls = topLevel(ours.filter((e) => e.name === 'FunctionCall'));
  // The first call after evaluation is the DOMContentLoaded handler (whenParsed).
  const [dcl, ...later] = calls;
  const dclMs = dcl ? cpuMs([dcl]) : 0;
  const laterMs = cpuMs(later);
  const label = (e: TraceEvent) => `${e.args?.data?.functionName || '(anonymous)'} ${cpuMs([e]).toFixed(2)} ms`;
  return {
    dclMs,
    laterMs,
    scanMs: dclMs + laterMs,
    wallMs: wallMs(calls),
    evalMs: cpuMs(topLevel(ours.filter((e) => e.name === 'EvaluateScript'))),
    calls: [...calls].sort((a, b) => cpuMs([b]) - cpuMs([a])).map(label),
  };
}

/** Opens `url` in a fresh tab of `context` and measures extension `extensionId`'s script until `done`. */
export async function measurePageLoad(
  context: BrowserContext,
  extensionId: string,
  url: string,
  done: (page: Page) => Promise<unknown>,
): Promise<ScanCost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const cost = await traceScriptCost(cdp, `chrome-extension://${extensionId}/`, async () => {
    await page.goto(url);
    await done(page);
  });
  await page.close();
  return cost;
}
