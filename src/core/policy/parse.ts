// Managed policy -> settings. Never throws: each invalid value is ignored with a
// problem that names the key and the reason, and falls back to the safe value
// documented in settings.ts.
import * as check from './values.ts';
import { allowedOrigin, protectedLogin } from '../password-alert/logins.ts';
import {
  CONTINUE_MODES, defaultSettings, LIMITS, SETTING_KEYS,
  type ContinueMode, type ManagedSettings, type SettingKey,
} from './settings.ts';

export interface ParsedPolicy {
  settings: ManagedSettings;
  /** Human-readable, one per ignored value: shown as the policy status. */
  problems: string[];
  /** Keys the admin set (valid or not): locked on the options page. */
  managedKeys: SettingKey[];
}

type Problems = string[];

const describe = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

function list(key: string, raw: unknown, checkItem: (s: string) => check.Checked<string>, problems: Problems): string[] {
  if (!Array.isArray(raw)) {
    problems.push(`${key}: ignored, it must be a list of text values (got ${describe(raw)}).`);
    return [];
  }
  if (raw.length > LIMITS.maxItems) problems.push(`${key}: only the first ${LIMITS.maxItems} of ${raw.length} values are used.`);
  const out = new Set<string>();
  for (const item of raw.slice(0, LIMITS.maxItems)) {
    const r = typeof item === 'string' ? checkItem(item) : { ok: false as const, reason: 'not text' };
    if (r.ok) out.add(r.value);
    else problems.push(`${key}: ignored ${describe(item)}: ${r.reason}.`);
  }
  return [...out];
}

const UNITS = {
  updateIntervalMinutes: 'minutes', continueMinutes: 'minutes', maxBundleMiB: 'MiB',
  reportMaxEvents: 'rows', reportMaxDays: 'days', passwordAlertMinLength: 'characters',
} as const;

function wholeNumber(key: keyof typeof UNITS, raw: unknown, problems: Problems): number {
  const { min, max, invalid } = LIMITS[key];
  if (typeof raw !== 'number' || !Number.isInteger(raw)) {
    const unit = UNITS[key];
    problems.push(`${key}: ignored ${describe(raw)}, it must be a whole number of ${unit}; using ${invalid}.`);
    return invalid;
  }
  const clamped = Math.min(max, Math.max(min, raw));
  if (clamped !== raw) problems.push(`${key}: ${raw} is outside ${min}..${max}; using ${clamped}.`);
  return clamped;
}

function flag(key: SettingKey, raw: unknown, safe: boolean, problems: Problems): boolean {
  if (typeof raw === 'boolean') return raw;
  problems.push(`${key}: ignored ${describe(raw)}, it must be true or false; using ${safe}.`);
  return safe;
}

function mode(where: string, raw: unknown, problems: Problems): ContinueMode {
  if (typeof raw === 'string' && (CONTINUE_MODES as readonly string[]).includes(raw)) return raw as ContinueMode;
  problems.push(`${where}: ignored ${describe(raw)}, it must be one of ${CONTINUE_MODES.join(', ')}; using never.`);
  return 'never';
}

function modes(raw: unknown, problems: Problems): Record<string, ContinueMode> {
  const out: Record<string, ContinueMode> = Object.create(null);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`continueMode: ignored, it must map list ids to ${CONTINUE_MODES.join(' / ')} (got ${describe(raw)}).`);
    return out;
  }
  for (const [list, value] of Object.entries(raw)) out[list] = mode(`continueMode.${list}`, value, problems);
  return out;
}

/** Brand name -> its domains; each bad domain is dropped with a problem, so a typo never owns more than was meant. */
function brands(raw: unknown, problems: Problems): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`brandDomains: ignored, it must map brand names to lists of domains (got ${describe(raw)}).`);
    return out;
  }
  for (const [brand, domains] of Object.entries(raw)) {
    if (brand.trim() === '') problems.push(`brandDomains: ignored a brand without a name.`);
    else out[brand.trim()] = list(`brandDomains.${brand}`, domains, check.domain, problems);
  }
  return out;
}

function address(key: SettingKey, raw: unknown, checkIt: (s: string) => check.Checked<string>, problems: Problems): string | null {
  const r = typeof raw === 'string' ? checkIt(raw) : { ok: false as const, reason: 'not text' };
  if (r.ok) return r.value;
  problems.push(`${key}: ignored ${describe(raw)}: ${r.reason}.`);
  return null;
}

/** Reads one key into `s`. The switch keeps each key's rule next to its name. */
function readKey(s: ManagedSettings, key: SettingKey, raw: unknown, problems: Problems): void {
  switch (key) {
    case 'updateUrls': s.updateUrls = list(key, raw, check.updateUrl, problems); break;
    case 'trustedKeys': s.trustedKeys = list(key, raw, check.trustedKey, problems); break;
    case 'blockedEntries': s.blockedEntries = list(key, raw, check.entry, problems); break;
    case 'allowedEntries': s.allowedEntries = list(key, raw, check.entry, problems); break;
    case 'protectedDomains': s.protectedDomains = list(key, raw, check.domain, problems); break;
    case 'brandDomains': s.brandDomains = brands(raw, problems); break;
    case 'updateIntervalMinutes': s.updateIntervalMinutes = wholeNumber(key, raw, problems); break;
    case 'maxBundleMiB': s.maxBundleMiB = wholeNumber(key, raw, problems); break;
    case 'continueMinutes': s.continueMinutes = wholeNumber(key, raw, problems); break;
    case 'allowContinue': s.allowContinue = flag(key, raw, false, problems); break;
    case 'bundledListsEnabled': s.bundledListsEnabled = flag(key, raw, true, problems); break;
    case 'defaultContinueMode': s.defaultContinueMode = mode(key, raw, problems); break;
    case 'continueMode': s.continueMode = modes(raw, problems); break;
    case 'reportAddress': s.reportAddress = address(key, raw, check.reportAddress, problems); break;
    case 'reportMaxEvents': s.reportMaxEvents = wholeNumber(key, raw, problems); break;
    case 'reportMaxDays': s.reportMaxDays = wholeNumber(key, raw, problems); break;
    case 'protectedLogins': s.protectedLogins = list(key, raw, protectedLogin, problems); break;
    case 'passwordAlertAllowedOrigins': s.passwordAlertAllowedOrigins = list(key, raw, allowedOrigin, problems); break;
    case 'passwordAlertReportUrl': s.passwordAlertReportUrl = address(key, raw, check.updateUrl, problems); break;
    case 'passwordAlertChangeUrl': s.passwordAlertChangeUrl = address(key, raw, check.updateUrl, problems); break;
    case 'passwordAlertMinLength': s.passwordAlertMinLength = wholeNumber(key, raw, problems); break;
    case 'passwordAlertUserLogins': s.passwordAlertUserLogins = flag(key, raw, false, problems); break;
    case 'passwordAlertOwnSite': s.passwordAlertOwnSite = flag(key, raw, false, problems); break;
  }
}

/** `raw` is what storage.managed.get() returned: undefined/null/{} mean no policy. */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const settings = defaultSettings();
  const problems: Problems = [];
  const managedKeys: SettingKey[] = [];
  if (raw === undefined || raw === null) return { settings, problems, managedKeys };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: [`The policy is ignored: it must be an object of settings (got ${describe(raw)}).`], managedKeys };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(SETTING_KEYS as string[]).includes(key)) {
      problems.push(`${key}: unknown setting, ignored (check the spelling against managed_schema.json).`);
      continue;
    }
    managedKeys.push(key as SettingKey);
    readKey(settings, key as SettingKey, value, problems);
  }
  return { settings, problems, managedKeys };
}
