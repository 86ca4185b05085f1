// Under an ending sold in bulk for a dollar (vocabulary.json `bulkEndings`),
// a name that starts with a distinctive brand or its product word and ends in
// a company-form word (`nidscorp.site`, `nidusrsncorp.site`, `naversystemcorp.online`):
// the brand posing as its own company (`NAVER Corp.`), with a few stray
// letters between, as kits register one such name per target list. Elsewhere
// such a name may be a real company's (`nidus corp`); under these endings no
// company registers its own name that way. Product words of three letters or
// more (`nid`), not the two-letter ones (`fb`, `ms`), which start anything.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isBulkEnding } from './rule-bulk-ending.ts';
import type { Lookalike } from './verdict.ts';

const COMPANY_WORDS: readonly string[] = VOCABULARY.company;
const MIN_HEAD = 3;
/** Stray letters between the head and the company word. */
const MAX_MIDDLE = 6;
const MIDDLE = /^[a-z]*$/;

function headTarget(index: ProtectedIndex, head: string): Target | undefined {
  const t = index.byToken.get(head) ?? index.byLureToken.get(head);
  if (t) return t.kind === 'distinctive' ? t : undefined;
  return head.length >= MIN_HEAD ? index.byProduct.get(head) : undefined;
}

export function byBulkCompany(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  if (!isBulkEnding(parts.suffix) || parts.labelTokens.length !== 1) return null;
  const label = parts.labelTokens[0]!;
  const company = COMPANY_WORDS.find((w) => label.endsWith(w));
  if (!company) return null;
  const body = label.slice(0, -company.length);
  // The head is the longest one that leaves a short middle of letters.
  for (let cut = Math.max(MIN_HEAD, body.length - MAX_MIDDLE); cut <= body.length; cut++) {
    if (!MIDDLE.test(body.slice(cut))) continue;
    const t = headTarget(index, body.slice(0, cut));
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: parts.labelText };
  }
  return null;
}
