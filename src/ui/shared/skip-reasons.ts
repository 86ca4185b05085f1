// The message key naming each import skip reason (list/types.ts SkipCode).
import type { SkipCode } from '../../core/list/types.ts';
import { t } from '../../platform/i18n.ts';

export const SKIP_REASON_KEYS: Readonly<Record<SkipCode, string>> = {
  'public-suffix': 'skipPublicSuffix',
  'hosting-suffix': 'skipHostingSuffix',
  empty: 'skipEmpty',
  'bad-host': 'skipBadHost',
  'not-web': 'skipNotWeb',
  'no-host': 'skipNoHost',
  'not-an-entry': 'skipNotAnEntry',
  'bad-count': 'skipBadCount',
  narrowed: 'skipNarrowed',
  allowed: 'skipAllowed',
  cosmetic: 'skipCosmetic',
  exception: 'skipException',
  restricted: 'skipRestricted',
  pattern: 'skipPattern',
  fuzzylist: 'skipFuzzylist',
};

/** The reason in the user's language; a code from a newer bundle shows as itself. */
export function skipReasonText(code: string): string {
  const key = (SKIP_REASON_KEYS as Record<string, string | undefined>)[code];
  return key === undefined ? code : t(key);
}
