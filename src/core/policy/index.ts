// Public surface of managed policy: parse, merge with the user's settings, report links.
export { CONTINUE_MODES, DEFAULT_SETTINGS, defaultSettings, LIMITS, SETTING_KEYS, type ContinueMode, type ManagedSettings, type SettingKey } from './settings.ts';
export { parsePolicy, type ParsedPolicy } from './parse.ts';
export { continueModeFor, mergeSettings, type EffectiveSettings } from './merge.ts';
export { reportLink, reportText, type ReportFacts, type ReportLink } from './report.ts';
