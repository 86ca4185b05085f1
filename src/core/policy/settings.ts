// The settings an organisation can impose through managed storage (Chrome
// `storage.managed` with extension/managed_schema.json; Firefox policies.json
// "3rdparty"). Users can set the same keys on the options page; policy wins.
//
// Defaults when a key is absent are the extension's normal behaviour. When the
// admin sets a key to an INVALID value, the value is ignored, a problem is
// reported, and the key falls back to its SAFE value, which for the keys that
// loosen protection is the strict one (never a silent weakening):
//
//   key                    absent      invalid value            why
//   updateUrls             []          bad URLs dropped         no fetch from an unchecked place
//   updateIntervalMinutes  60          60 (out of range: clamped to 5..10080)
//   maxBundleMiB           64          64 (out of range: clamped to 1..1024)
//   trustedKeys            []          bad keys dropped         no key = no bundle accepted
//   blockedEntries         []          bad entries dropped      (nothing stricter exists; shown as a problem)
//   allowedEntries         []          bad entries dropped      fewer exceptions = stricter
//   protectedDomains       []          bad domains dropped      (the bundled set stays on regardless)
//   brandDomains           {}          bad domains dropped      owning less = stricter; not a map: {}
//   allowContinue          true        false                    no bypass unless clearly allowed
//   defaultContinueMode    'session'   'never'
//   continueMode[list]     (default)   'never' for that list
//   continueMinutes        60          15 (out of range: clamped to 1..1440)
//   bundledListsEnabled    true        true                     court lists stay on
//   reportAddress          null        null                     (report text is prepared instead)
//   reportMaxEvents        5000        5000 (out of range: clamped to 100..100000)
//   reportMaxDays          90          90 (out of range: clamped to 1..3650)
//   protectedLogins        []          bad logins dropped       (src/core/password-alert/logins.ts)
//   passwordAlertAllowedOrigins []     bad origins dropped      fewer exceptions = stricter
//   passwordAlertReportUrl null        null                     no request to an unchecked place
//   passwordAlertChangeUrl null        null                     the alert then sends the user back
//   passwordAlertMinLength 8           8 (out of range: clamped to 4..128)
//   passwordAlertUserLogins true       false                    a personal protected login is also never watched
//   passwordAlertOwnSite   true        false                    no dismissal unless clearly allowed
//
// A key the admin set, even to an invalid value, counts as managed and the user
// cannot override it, so a typo never hands the choice back to the user.

/** What "Continue anyway" does on a warning (the message protocol re-exports this one definition). */
export type ContinueMode = 'never' | 'session' | 'timed-with-reason';
export const CONTINUE_MODES: readonly ContinueMode[] = ['never', 'session', 'timed-with-reason'];

export interface ManagedSettings {
  /** https bundle URLs (http only for 127.0.0.1 / localhost / [::1], for testing). */
  updateUrls: string[];
  updateIntervalMinutes: number;
  /** Largest update bundle accepted; a bigger one is refused before it is read whole. */
  maxBundleMiB: number;
  /** "p256:BASE64-SPKI" keys whose bundles are accepted (src/core/bundle/keys.ts). */
  trustedKeys: string[];
  /** Extra entries blocked, as normalised Safe Browsing expressions. */
  blockedEntries: string[];
  /** Entries never warned about, whatever list holds them (normalised expressions). */
  allowedEntries: string[];
  /** Extra registrable domains whose look-alikes are warned about. */
  protectedDomains: string[];
  /**
   * Domains a brand owns, by brand name: added to a bundled brand of that
   * name (src/core/lookalike/brands.json), or a new protected brand.
   */
  brandDomains: Record<string, string[]>;
  /** false removes "Continue anyway" everywhere, overriding the modes below. */
  allowContinue: boolean;
  defaultContinueMode: ContinueMode;
  /** Per list id. */
  continueMode: Record<string, ContinueMode>;
  /** How long a 'timed-with-reason' continue lasts. */
  continueMinutes: number;
  bundledListsEnabled: boolean;
  /** mailto: or https: address for "This is a mistake"; null = prepare text for the list's maintainer. */
  reportAddress: string | null;
  /** The local protection report keeps at most this many rows (the oldest go first). */
  reportMaxEvents: number;
  /** ... and none older than this many days. */
  reportMaxDays: number;
  /** Protected sign-in pages (origin, optional path prefix) where passwords are learned. */
  protectedLogins: string[];
  /** Origins where typing is never watched for protected passwords. */
  passwordAlertAllowedOrigins: string[];
  /** https (http for loopback) URL the worker POSTs each alert to ({host, time, account, extensionId}). */
  passwordAlertReportUrl: string | null;
  /** The organisation's "change your password" page, offered by the alert. */
  passwordAlertChangeUrl: string | null;
  /** Shorter passwords are not learned (they would alert on ordinary typing). */
  passwordAlertMinLength: number;
  /** Users may add personal protected logins. */
  passwordAlertUserLogins: boolean;
  /** The alert offers "This is my own site" (the origin is then no longer watched). */
  passwordAlertOwnSite: boolean;
}

export type SettingKey = keyof ManagedSettings;

export const DEFAULT_SETTINGS: Readonly<ManagedSettings> = Object.freeze({
  updateUrls: [],
  updateIntervalMinutes: 60,
  maxBundleMiB: 64,
  trustedKeys: [],
  blockedEntries: [],
  allowedEntries: [],
  protectedDomains: [],
  brandDomains: {},
  allowContinue: true,
  defaultContinueMode: 'session',
  continueMode: {},
  continueMinutes: 60,
  bundledListsEnabled: true,
  reportAddress: null,
  reportMaxEvents: 5000,
  reportMaxDays: 90,
  protectedLogins: [],
  passwordAlertAllowedOrigins: [],
  passwordAlertReportUrl: null,
  passwordAlertChangeUrl: null,
  passwordAlertMinLength: 8,
  passwordAlertUserLogins: true,
  passwordAlertOwnSite: true,
});

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export const LIMITS = {
  updateIntervalMinutes: { min: 5, max: 10080, invalid: 60 },
  maxBundleMiB: { min: 1, max: 1024, invalid: 64 },
  continueMinutes: { min: 1, max: 1440, invalid: 15 },
  reportMaxEvents: { min: 100, max: 100_000, invalid: 5000 },
  reportMaxDays: { min: 1, max: 3650, invalid: 90 },
  passwordAlertMinLength: { min: 4, max: 128, invalid: 8 },
  /** Longest array accepted per key; the rest is dropped with a problem. */
  maxItems: 100_000,
} as const;

/** A fresh copy of the defaults (arrays and maps are never shared). */
export function defaultSettings(): ManagedSettings {
  return structuredClone(DEFAULT_SETTINGS) as ManagedSettings;
}
