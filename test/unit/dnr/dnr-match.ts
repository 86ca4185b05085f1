// DNR's matching of one request, as the unit tests need it (the browsers' own is checked end to end).
import type { DnrRule } from '../../../src/core/dnr/rules.ts';

/** A urlFilter as a RegExp: `*` anything, `|` anchors, `^` a separator or the end (DNR's RuleCondition). */
export function urlFilterRegex(filter: string, caseSensitive = false): RegExp {
  const start = filter.startsWith('|') ? '^' : '';
  const end = filter.length > 1 && filter.endsWith('|') ? '$' : '';
  const body = filter.slice(start ? 1 : 0, end ? -1 : undefined);
  const re = [...body].map((c) => (c === '*' ? '.*' : c === '^' ? '(?:[^\\w\\-.%]|$)' : c.replace(/[.+?${}()|[\]\\\/]/g, '\\$&'))).join('');
  return new RegExp(`${start}${re}${end}`, caseSensitive ? '' : 'i');
}

/**
 * What DNR does with a request: host in requestDomains (or a subdomain),
 * regexFilter (case-insensitive) or urlFilter on the URL without fragment,
 * the request method; of the rules that match, the highest priority wins, and
 * among those allow, then block, then redirect (both browsers' precedence).
 * Chromium matches `host.` to `host`; Firefox does not (`firefox`).
 */
export function dnrMatches(rules: readonly DnrRule[], url: string, type: 'main_frame' | 'sub_frame' | 'xmlhttprequest', tabId = -1, firefox = false, method: 'get' | 'post' = 'get'): DnrRule | undefined {
  const u = new URL(url);
  const href = u.href.slice(0, u.hash ? u.href.length - u.hash.length : undefined);
  const host = firefox ? u.hostname : u.hostname.replace(/\.+$/, '');
  const matching = rules.filter((r) => {
    const c = r.condition;
    // With neither list, DNR matches every type but main_frame.
    const typeOk = c.resourceTypes ? c.resourceTypes.includes(type) : c.excludedResourceTypes ? !c.excludedResourceTypes.includes(type) : type !== 'main_frame';
    const hostOk = !c.requestDomains || c.requestDomains.some((d) => host === d || host.endsWith(`.${d}`));
    const filterOk = (!c.regexFilter || new RegExp(c.regexFilter, 'i').test(href)) && (!c.urlFilter || urlFilterRegex(c.urlFilter, c.isUrlFilterCaseSensitive).test(href));
    const tabOk = !c.tabIds || c.tabIds.includes(tabId);
    const methodOk = !(c.excludedRequestMethods as string[] | undefined)?.includes(method);
    return typeOk && hostOk && filterOk && tabOk && methodOk;
  });
  const rank = (r: DnrRule) => r.priority * 10 + ({ allow: 2, block: 1, redirect: 0 } as const)[r.action.type];
  return matching.reduce<DnrRule | undefined>((best, r) => (!best || rank(r) > rank(best) ? r : best), undefined);
}
