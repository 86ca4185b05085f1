// Adblock/uBO network rules we can turn into Safe Browsing entries.

/** Options that keep the rule about navigations to the whole site. */
const SITE_OPTIONS: ReadonlySet<string> = new Set(['doc', 'document', 'all', 'important']);

const COSMETIC = /#[@?$%]?#|#@[$%?]#/;

/** Cosmetic (`##`, `#@#`, ...) and exception (`@@`) rules: nothing to block. */
export function isUnusedAdblockRule(rule: string): boolean {
  return rule.startsWith('@@') || COSMETIC.test(rule);
}

/**
 * An unanchored rule that cannot be a host or URL (`/ads/banner.`, `-advert-`,
 * `&ad_type=`): Adblock matches it anywhere in a URL, which no Safe Browsing
 * expression can say.
 */
export function isSubstringRule(rule: string): boolean {
  if (rule[0] === '|' || rule.startsWith('@@') || COSMETIC.test(rule)) return false;
  return !/^[a-z0-9][^/]*\./i.test(rule) && !/^https?:\/\//i.test(rule);
}

/** Looks like an Adblock network rule rather than a domain or URL. */
export function isNetworkRule(rule: string, adblockList: boolean): boolean {
  return rule[0] === '|' || (adblockList && /[$^*]/.test(rule));
}

/**
 * `||evil.com^`, `||evil.com^$doc`, `|https://evil.com/x|`, `||evil.com/login^`
 * -> the entry text (`evil.com`, `https://evil.com/x`, `evil.com/login`) and
 * whether a final `|` anchors it to the exact URL; null when the rule uses
 * wildcards, mid-rule separators or options that narrow it below "any
 * navigation to this site".
 */
export function networkRuleTarget(rule: string): { target: string; anchoredEnd: boolean } | null {
  let body = rule;
  const dollar = rule.lastIndexOf('$');
  if (dollar >= 0) {
    const options = rule.slice(dollar + 1).split(',');
    if (!options.every((o) => SITE_OPTIONS.has(o.trim().toLowerCase()))) return null;
    body = rule.slice(0, dollar);
  }
  const anchoredEnd = body.endsWith('|');
  body = body.replace(/^\|\|?/, '').replace(/\|$/, '').replace(/\^$/, '');
  if (body.length === 0 || /[*^|]/.test(body)) return null;
  return { target: body, anchoredEnd };
}
