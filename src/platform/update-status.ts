// The admin updater's last results, shown by the popup and options page.
import { browser } from './browser.ts';
import type { UpdateStatus } from '../messages/protocol.ts';

const KEY = 'updateStatus';

export const NO_UPDATE_YET: Readonly<UpdateStatus> = Object.freeze({
  lastCheck: null, lastSuccess: null, seq: null, lastError: null, nextCheck: null, failures: 0,
});

export async function readUpdateStatus(): Promise<UpdateStatus> {
  const got = (await browser.storage.local.get(KEY))[KEY] as Partial<UpdateStatus> | undefined;
  return { ...NO_UPDATE_YET, ...got };
}

export async function writeUpdateStatus(status: UpdateStatus): Promise<void> {
  await browser.storage.local.set({ [KEY]: status });
}
