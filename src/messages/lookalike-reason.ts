// Why a look-alike was suspected, as one message key and its substitutions,
// shared by the overlay (content/finding-text.ts), the popup and the warning
// page so the three always say the same ("glthub.io looks like github.com:
// the letter l stands for i"). Every key takes the same substitutions:
// host, imitated domain, brand, matched part, written, meant.
import type { Finding } from './protocol.ts';
import type { LookalikeRule } from '../core/lookalike/verdict.ts';

type Suspected = Extract<Finding, { level: 'suspected' }>;

export type ReasonKey =
  | 'content_reasonSubstitution'
  | 'content_reasonSubstitutionLetters'
  | 'content_reasonSkeleton'
  | 'content_reasonEditDistance'
  | 'content_reasonEmbeddedBrand'
  | 'content_reasonSubdomain'
  | 'content_reasonForeignTld';

const BY_RULE: Readonly<Record<LookalikeRule, ReasonKey>> = {
  skeleton: 'content_reasonSkeleton',
  'edit-distance': 'content_reasonEditDistance',
  'embedded-brand': 'content_reasonEmbeddedBrand',
  subdomain: 'content_reasonSubdomain',
  'foreign-tld': 'content_reasonForeignTld',
};

export function lookalikeReason(f: Suspected, host: string): { key: ReasonKey; subs: string[] } {
  // A substitution is quoted only when both sides are letters to name (not a dropped hyphen).
  const substitution = f.rule === 'skeleton' && f.written && f.means;
  const letters = substitution && Array.from(f.written ?? '').length > 1;
  return {
    key: letters ? 'content_reasonSubstitutionLetters' : substitution ? 'content_reasonSubstitution' : BY_RULE[f.rule],
    subs: [host, f.imitates, f.brand, f.part, f.written ?? '', f.means ?? ''],
  };
}
