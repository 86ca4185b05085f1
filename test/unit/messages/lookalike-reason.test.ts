import { describe, expect, it } from 'vitest';
import { lookalikeReason } from '../../../src/messages/lookalike-reason.ts';
import type { Finding } from '../../../src/messages/protocol.ts';
import english from '../../../extension/_locales/en/messages.json';

type Suspected = Extract<Finding, { level: 'suspected' }>;
const base = { level: 'suspected', imitates: 'github.com', brand: 'GitHub' } as const;

/** The English text as chrome.i18n would make it. */
function english_(f: Suspected, host: string): string {
  const { key, subs } = lookalikeReason(f, host);
  const entry = (english as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[key]!;
  return entry.message.replace(/\$([A-Z]+)\$/g, (_, n: string) => subs[Number(entry.placeholders![n.toLowerCase()]!.content.slice(1)) - 1]!);
}

describe('look-alike reason text', () => {
  it.each<[Suspected, string, string]>([
    [{ ...base, rule: 'skeleton', part: 'glthub', written: 'l', means: 'i' }, 'glthub.io', 'glthub.io looks like github.com: the letter l stands for i.'],
    [{ ...base, imitates: 'microsoft.com', brand: 'Microsoft', rule: 'skeleton', part: 'rnicrosoft', written: 'rn', means: 'm' }, 'rnicrosoft.com', 'rnicrosoft.com looks like microsoft.com: the letters rn stand for m.'],
    [{ ...base, rule: 'edit-distance', part: 'gitnub' }, 'gitnub.io', 'gitnub.io looks like github.com: “gitnub” is the name GitHub with a letter or two changed.'],
    [{ ...base, rule: 'embedded-brand', part: 'forkdeltagithub' }, 'forkdeltagithub.info', 'forkdeltagithub.info looks like github.com: its name contains GitHub (“forkdeltagithub”), but it does not belong to GitHub.'],
    [{ ...base, imitates: 'paypal.com', brand: 'PayPal', rule: 'subdomain', part: 'weebly.com' }, 'paypal-login.weebly.com', 'paypal-login.weebly.com looks like paypal.com: it puts the name PayPal in front of another site, weebly.com.'],
    [{ ...base, imitates: 'paypal.com', brand: 'PayPal', rule: 'foreign-tld', part: 'xyz' }, 'paypal.xyz', 'paypal.xyz looks like paypal.com: it is the name PayPal under the ending .xyz, which PayPal does not own.'],
  ])('%#: %s', (finding, host, text) => {
    expect(english_(finding, host)).toBe(text);
  });

  it('falls back to the generic confusable text without a quotable substitution', () => {
    expect(lookalikeReason({ ...base, rule: 'skeleton', part: 'x' }, 'x.com').key).toBe('content_reasonSkeleton');
  });
});
