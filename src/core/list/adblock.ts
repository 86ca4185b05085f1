// Adblock/uBO network rules we can turn into Safe Browsing entries, and the
// reason for every rule we cannot: a rule is imported only when its entry
// blocks exactly what the rule blocks on a navigation, never more.

/** Options that keep the rule about navigations to the whole site. */
const SITE_OPTIONS: ReadonlySet<string> = new Set(['doc', 'document', 'all', 'important', 'match-case']);

const COSMETIC = /#[@?$%]?#|#@[$%?]#/;

export function isCosmeticRule(rule: string): boolean {
  return !rule.startsWith('@@') && COSMETIC.test(rule);
}

export function isExceptionRule(rule: string): boolean {
  return rule.startsWith('@@');
}

/**
 * An unanchored rule that cannot be a host or URL (`/ads/banner.`, `-advert-`,
 * `&ad_type=`, a `/regex/`): Adblock matches it anywhere in a URL, which no
 * Safe Browsing expression can say.
 */
export function isSubstringRule(rule: string): boolean {
  if (rule[0] === '|' || rule.startsWith('@@') || COSMETIC.test(rule)) return false;
  return !/^[a-z0-9][^/]*\./i.test(rule) && !/^https?:\/\//i.test(rule);
}

/** Looks like an Adblock network rule rather than a domain or URL. */
export function isNetworkRule(rule: string, adblockList: boolean): boolean {
  return rule[0] === '|' || (adblockList && /[$^*]/.test(rule));
}

export type RuleTarget =
  | { ok: true; target: string; anchoredEnd: boolean; badfilter: boolean }
  /** `restricted`: options narrow it ($domain=, ~domain, $3p, $script...); `pattern`: wildcards. */
  | { ok: false; code: 'restricted' | 'pattern' };

/** Splits `body$opt1,opt2`; uBO allows `$` inside a regex body, which we refuse as a pattern anyway. */
function splitOptions(rule: string): { body: string; options: string[] } {
  const dollar = rule.lastIndexOf('$');
  if (dollar < 0) return { body: rule, options: [] };
  return { body: rule.slice(0, dollar), options: rule.slice(dollar + 1).split(',').map((o) => o.trim().toLowerCase()) };
}

/**
 * `||evil.com^`, `||evil.com^$doc`, `|https://evil.com/x|`, `||evil.com/login^`
 * -> the entry text (`evil.com`, `https://evil.com/x`, `evil.com/login`) and
 * whether a final `|` anchors it to the exact URL. `$badfilter` (which
 * cancels the same rule elsewhere) is reported so the caller treats it as an
 * exception. Works on `@@` exceptions too, with the `@@` removed.
 */
export function networkRuleTarget(rule: string): RuleTarget {
  const { body: raw, options } = splitOptions(rule);
  const badfilter = options.includes('badfilter');
  if (!options.every((o) => SITE_OPTIONS.has(o) || o === 'badfilter')) return { ok: false, code: 'restricted' };
  const anchoredEnd = raw.endsWith('|');
  const body = raw.replace(/^\|\|?/, '').replace(/\|$/, '').replace(/\^$/, '');
  // `||name.` matches name.<any TLD>; `/.../` is a regex.
  if (body.length === 0 || /[*^|]/.test(body) || body.endsWith('.') || (body[0] === '/' && body.endsWith('/'))) return { ok: false, code: 'pattern' };
  return { ok: true, target: body, anchoredEnd, badfilter };
}

/** Exception options that only turn off cosmetic filtering: such an exception lets no request through. */
const COSMETIC_EXCEPTION_OPTIONS: ReadonlySet<string> = new Set(['elemhide', 'ehide', 'generichide', 'ghide', 'specifichide', 'shide', 'content', 'jsinject']);

/**
 * What an exception (`@@` removed) may let through, as entry text, widened to
 * be safe: options other than cosmetic ones are ignored (an exception for
 * some contexts still exempts those), and a pattern is cut before its first
 * wildcard, back to a path segment (`||x.com/a/*.js` -> `x.com/a/`). `exact`
 * when nothing was widened, so the scope is exactly what it exempts. Null
 * when it exempts no request, or names no host.
 */
export function exceptionScope(rule: string): { scope: string; exact: boolean } | null {
  const { body, options } = splitOptions(rule);
  if (options.length > 0 && options.every((o) => COSMETIC_EXCEPTION_OPTIONS.has(o))) return null;
  if (!body.startsWith('|')) return null;
  const raw = body.replace(/^\|\|?/, '').replace(/\|$/, '').replace(/\^$/, '');
  const literal = raw.split(/[*^|]/)[0]!;
  if (literal.length === 0 || literal.endsWith('.')) return null;
  const exact = options.every((o) => SITE_OPTIONS.has(o));
  if (literal === raw) return { scope: literal, exact };
  const slash = literal.indexOf('/');
  return { scope: slash < 0 ? literal : literal.slice(0, literal.lastIndexOf('/') + 1), exact: false };
}
