// An entry's kind, read back from its expression: the compact formats store
// only the text. Same rules as the list parser (src/core/url/entry.ts): a
// query makes one page; path `/` is the whole site (an IP literal's, or a
// domain's and its subdomains'); else a path ending in `/` is a prefix.
import type { EntryKind } from '../../url/entry.ts';
import { isIpHost } from '../expressions.ts';

export function kindOfExpression(expression: string): EntryKind {
  const slash = expression.indexOf('/');
  if (expression.indexOf('?', slash) >= 0) return 'exact';
  if (slash === expression.length - 1) return mayBeIp(expression, slash) && isIpHost(expression.slice(0, slash)) ? 'ip' : 'domain';
  return expression.endsWith('/') ? 'prefix' : 'exact';
}

/** isIpHost's own first test, without slicing the host out (this runs for every entry of a million-entry list). */
function mayBeIp(expression: string, slash: number): boolean {
  const last = expression.charCodeAt(slash - 1);
  if ((last >= 0x30 && last <= 0x39) || last === 0x5d) return true;
  const colon = expression.indexOf(':');
  return colon >= 0 && colon < slash;
}

export const isIpEntry = (expression: string): boolean => kindOfExpression(expression) === 'ip';
