// The effective settings: managed policy over the user's own choices
// (src/core/policy). Cached until a source changes; never throws for bad
// values, which become problems shown in the status.
import { mergeSettings, parsePolicy, type EffectiveSettings } from '../core/policy/index.ts';
import type { ManagedSettings } from '../core/policy/settings.ts';
import { onSettingsSourceChanged, readManagedPolicy, readUserSettings } from '../platform/managed-storage.ts';

/** The effective settings, plus which blocked entries are the user's own (their warnings say so). */
export interface WorkerSettings extends EffectiveSettings {
  userBlockedEntries: string[];
}

let current: Promise<WorkerSettings> | undefined;
let changed: () => void = () => undefined;

/** The user's valid values only (the keys they set), so unset keys keep the defaults. */
function userChoices(raw: unknown): { values: Partial<ManagedSettings>; problems: string[] } {
  const parsed = parsePolicy(raw);
  const values: Partial<ManagedSettings> = {};
  for (const key of parsed.managedKeys) (values as Record<string, unknown>)[key] = parsed.settings[key];
  return { values, problems: parsed.problems.map((p) => `Your settings: ${p}`) };
}

async function load(): Promise<WorkerSettings> {
  const [managed, user] = await Promise.all([readManagedPolicy(() => sourceChanged()), readUserSettings()]);
  const mine = userChoices(user);
  const merged = mergeSettings(parsePolicy(managed), mine.values);
  return {
    ...merged,
    problems: [...merged.problems.map((p) => `Policy: ${p}`), ...mine.problems],
    userBlockedEntries: mine.values.blockedEntries ?? [],
  };
}

export function effectiveSettings(): Promise<WorkerSettings> {
  current ??= load().catch((e: unknown) => {
    current = undefined;
    throw e;
  });
  return current;
}

function sourceChanged(): void {
  current = undefined;
  changed();
}

/** Calls `onChange` whenever the policy or the user's settings change. Call once, at the worker's top level. */
export function watchSettings(onChange: () => void): void {
  changed = onChange;
  onSettingsSourceChanged(sourceChanged);
}
