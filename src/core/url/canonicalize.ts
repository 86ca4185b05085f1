// Safe Browsing v4 canonicalisation ("URLs and hashing"), the form every
// verdict reports. See sb-parse.ts for the reading and its decisions.
import { formatSb, parseSb } from './sb-parse.ts';

/**
 * The canonical URL per the Safe Browsing v4 document, or null when the input
 * has no judged scheme (see JUDGED_SCHEMES) or no host. Never throws.
 */
export function canonicalize(raw: string): string | null {
  const parts = parseSb(raw);
  return typeof parts === 'string' ? null : formatSb(parts);
}
