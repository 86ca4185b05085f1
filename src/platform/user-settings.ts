// Writes the user's own settings (the options page). The worker's settings
// watcher (managed-storage.ts onSettingsSourceChanged) reloads on the change.
import { browser } from './browser.ts';
import { USER_SETTINGS_KEY } from './managed-storage.ts';

export async function writeUserSettings(values: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set({ [USER_SETTINGS_KEY]: values });
}
