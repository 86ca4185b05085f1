// Effective settings = managed policy over the user's own choices.
// A managed key wins outright, except the two lists where adding can only make
// protection stronger (blockedEntries, protectedDomains): there the user's
// entries are added to the admin's; and protectedLogins, where the user's are
// added only while passwordAlertUserLogins allows personal ones. allowContinue=false beats every mode.
import type { ParsedPolicy } from './parse.ts';
import { defaultSettings, SETTING_KEYS, type ContinueMode, type ManagedSettings, type SettingKey } from './settings.ts';

export interface EffectiveSettings {
  settings: ManagedSettings;
  /** Keys the options page shows as managed and locks. */
  managedKeys: SettingKey[];
  /** The policy's problems, for the status display. */
  problems: string[];
}

const ADDITIVE: ReadonlySet<SettingKey> = new Set(['blockedEntries', 'protectedDomains', 'protectedLogins']);

/** `user`: the options page's values, already validated (e.g. with parsePolicy(...).settings). */
export function mergeSettings(managed: ParsedPolicy, user: Partial<ManagedSettings>): EffectiveSettings {
  const locked = new Set(managed.managedKeys);
  const settings = defaultSettings();
  const out = settings as unknown as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) {
    const mine = user[key];
    if (!locked.has(key)) {
      if (mine !== undefined) out[key] = structuredClone(mine);
    } else if (ADDITIVE.has(key) && Array.isArray(mine)) {
      out[key] = [...new Set([...(managed.settings[key] as string[]), ...mine])];
    } else {
      out[key] = structuredClone(managed.settings[key]);
    }
  }
  // Personal protected logins are never watched: when the admin forbids them, only the admin's count.
  if (!settings.passwordAlertUserLogins) settings.protectedLogins = structuredClone(managed.settings.protectedLogins);
  return { settings, managedKeys: [...locked], problems: managed.problems };
}

/** What "Continue anyway" does for a warning from list `listId`. */
export function continueModeFor(settings: ManagedSettings, listId: string): ContinueMode {
  if (!settings.allowContinue) return 'never';
  return Object.hasOwn(settings.continueMode, listId) ? settings.continueMode[listId]! : settings.defaultContinueMode;
}
