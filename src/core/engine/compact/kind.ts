// An entry's kind, read back from its expression: the compact formats store
// only the text. Same rules as the list parser (src/core/url/entry.ts): a
// query makes one page; path `/` is the whole site (an IP literal's, or a
// domain's and its subdomains'); else a path ending in `/` is a prefix.
import type { EntryKind } from '../../url/entry.ts';
import { isIpHost } from '../expressions.ts';

export function kindOfExpression(expression: string): EntryKind {
  const slash = expression.indexOf('/');
  const path = expression.slice(slash);
  if (path.includes('?')) return 'exact';
  if (path === '/') return isIpHost(expression.slice(0, slash)) ? 'ip' : 'domain';
  return path.endsWith('/') ? 'prefix' : 'exact';
}

export const isIpEntry = (expression: string): boolean => kindOfExpression(expression) === 'ip';
