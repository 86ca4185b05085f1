import { browser } from './browser.ts';

/**
 * Turns off network prediction. Without this, Chromium opens TLS connections
 * to a blocked host (preconnect) even though the DNR redirect stops the
 * request itself (measured: shared/notes/e2e.md). Best effort: another
 * extension or policy may control the setting.
 */
export async function disableNetworkPrediction(): Promise<void> {
  try {
    await browser.privacy.network.networkPredictionEnabled.set({ value: false });
  } catch {
    // Controlled elsewhere; the DNR redirect still stops the request.
  }
}
