// The content script's cost on a fixture page (scripts/lib/scan-trace.ts reads the trace).
import { traceScriptCost, type ScanCost } from '../../../scripts/lib/scan-trace.ts';
import type { ContentEnv } from './content-setup.ts';

export type { ScanCost };

/** Loads `fixture` in a fresh tab and measures the content script's cost until link `markedId` is marked. */
export async function measureScan(env: ContentEnv, fixture: string, markedId = 'listed-2'): Promise<ScanCost> {
  const { page, cdp } = await env.newTab();
  const cost = await traceScriptCost(cdp, `chrome-extension://${env.browser.extensionId}/`, async () => {
    await page.goto(env.url('safe-demo.test', fixture));
    await page.waitForFunction((id) => document.getElementById(id)?.hasAttribute('aria-description'), markedId, { timeout: 10_000 });
  });
  await page.close();
  return cost;
}
