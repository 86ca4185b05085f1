// The content script's cost on a fixture page (scripts/lib/scan-trace.ts reads the trace).
import { measurePageLoad, type ScanCost } from '../../../scripts/lib/scan-trace.ts';
import type { ContentEnv } from './content-setup.ts';

export type { ScanCost };

/** Loads `fixture` in a fresh tab and measures the content script's cost until link `markedId` is marked. */
export function measureScan(env: ContentEnv, fixture: string, markedId = 'listed-2'): Promise<ScanCost> {
  return measurePageLoad(env.browser.context, env.browser.extensionId, env.url('safe-demo.test', fixture), (page) =>
    page.waitForFunction((id) => document.getElementById(id)?.hasAttribute('aria-description'), markedId, { timeout: 10_000 }),
  );
}
