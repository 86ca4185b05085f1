// Main-thread time a content script spends on a page, read from a V8 CPU
// profile of the page's renderer (CDP Profiler, one sample every 50 µs): every
// sample with a frame of the script on its stack counts, whatever task it ran
// in. A trace's FunctionCall events would miss the work an `await` resumes
// (promise continuations run as microtasks, which name no script), and that
// is where the worker's answer is handled and the links are marked.
// Samples are wall-clock time on the main thread, a synchronous IPC included
// (the page waits for it as for any other work). The one-time evaluation of
// the script at document_start (its top-level code and what that calls) is
// reported apart: it does not depend on the page.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ScanCost {
  /** Every sample under the script but its evaluation: the scan, the worker's answer, the marking. */
  scanMs: number;
  /** Evaluating the script at document_start (page-independent). */
  evalMs: number;
  /** Time by the script's outermost function on the stack, longest first: "function@line ms". */
  calls: string[];
}

const SAMPLE_US = 50;

/** Outermost frame of the script on each node's stack (undefined: the script is not on it). */
function outermostFrames(profile: Profile, scriptPrefix: string): Map<number, CallFrame> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<number, CallFrame>();
  const visit = (node: ProfileNode, outer: CallFrame | undefined) => {
    const here = outer ?? (node.callFrame.url.startsWith(scriptPrefix) ? node.callFrame : undefined);
    if (here) out.set(node.id, here);
    for (const c of node.children ?? []) visit(byId.get(c)!, here);
  };
  visit(profile.nodes[0]!, undefined);
  return out;
}

/** Splits `profile`'s samples under the script whose URLs start with `scriptPrefix`. */
export function scriptCost(profile: Profile, scriptPrefix: string): ScanCost {
  const outer = outermostFrames(profile, scriptPrefix);
  const byCall = new Map<string, number>();
  let evalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = outer.get(profile.samples[i]!);
    if (!frame) continue;
    const us = profile.timeDeltas[i + 1] ?? SAMPLE_US;
    // The script's top-level code is an anonymous function at line 0, column 0.
    if (frame.functionName === '' && frame.lineNumber === 0 && frame.columnNumber === 0) evalUs += us;
    else {
      const key = `${frame.functionName || '(anonymous)'}@${frame.lineNumber + 1}`;
      byCall.set(key, (byCall.get(key) ?? 0) + us);
    }
  }
  const calls = [...byCall].sort((a, b) => b[1] - a[1]);
  return {
    scanMs: calls.reduce((t, [, us]) => t + us, 0) / 1000,
    evalMs: evalUs / 1000,
    calls: calls.map(([k, us]) => `${k} ${(us / 1000).toFixed(2)} ms`),
  };
}

async function profiled(cdp: CDPSession, run: () => Promise<void>): Promise<Profile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  await cdp.send('Profiler.start');
  const stop = async () => ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
  try {
    await run();
  } catch (e) {
    await stop();
    throw e;
  }
  return stop();
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
  const profile = await profiled(cdp, async () => {
    await page.goto(url);
    await done(page);
  });
  await page.close();
  return scriptCost(profile, `chrome-extension://${extensionId}/`);
}
