// A whole protected domain spelled out left of the real suffix
// (`outlook.com.evil.net`, `login.microsoftonline.com.evil.net`,
// `live-com.net`): the strongest sign, so it holds even for word brands;
// for distinctive ones also with letters added to the label (`navers.com-`),
// and for distinctive and plain ones in a country's form (`apple-co-jp`).
// An owned domain named by the brand's product word counts too
// (`m-fb.com-----caseid.x`: fb.com is Meta's; protected-index.ts).
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

/** The host's tokens left of its public suffix, in order, without copying them into one array. */
function tokenAt(parts: HostParts, i: number): string | undefined {
  const n = parts.subTokens.length;
  return i < n ? parts.subTokens[i] : parts.labelTokens[i - n];
}

function startsAt(parts: HostParts, at: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => tokenAt(parts, at + k) === s);
}

/** Shortest brand label read at the start of a longer token. */
const MIN_STEM = 5;

/**
 * A distinctive brand at the start of a token that its own ending follows
 * (`navers.com-checking.link`, `naverwebs.com-password.link`,
 * `yahoomail.com.co`): the domain is spelled with a letter or word added.
 */
function stemmedBefore(index: ProtectedIndex, token: string, ending: string | undefined): Target | undefined {
  // Most tokens are followed by no brand's ending: one Set lookup.
  if (ending === undefined || !index.endings.has(ending)) return undefined;
  for (let end = MIN_STEM; end < token.length; end++) {
    // The brand's own label only: an owned domain named by a product word counts spelled whole (`azureedge.net` is no `azure.net`).
    const t = index.bySequenceStart.get(token.slice(0, end))?.find((c) => c.sequence.length === 2 && c.sequence[1] === ending && c.sequence[0] === c.skeleton);
    if (t && (t.kind === 'distinctive' || t.kind === 'plain')) return t;
  }
  return undefined;
}

/** The second-level labels of national endings (`co.jp`, `com.au`, `co.uk`). */
const SECOND_LEVEL: ReadonlySet<string> = new Set(['co', 'com']);
/** Countries whose names sit under `co.` or `com.` (`co-op` is no domain). */
const COUNTRY: ReadonlySet<string> = new Set(
  ['jp', 'uk', 'kr', 'au', 'br', 'mx', 'tr', 'cn', 'in', 'nz', 'za', 'th', 'id', 'il', 'sg', 'tw', 'hk', 'ar', 'vn', 'my', 'ph', 'pe', 've', 'ec'],
);

/**
 * A distinctive or plain brand's label with a national ending spelled after
 * it (`apple-co-jp.x`, `apple.co.jp.x`): its domain in a country's form,
 * which only the brand registers (`apple-com` is its own domain spelled).
 */
function nationalAfter(index: ProtectedIndex, parts: HostParts, i: number, token: string): Target | undefined {
  const second = tokenAt(parts, i + 1);
  if (second === undefined || !SECOND_LEVEL.has(second) || !COUNTRY.has(tokenAt(parts, i + 2) ?? '')) return undefined;
  const t = index.byToken.get(token) ?? index.byLureToken.get(token);
  return t && (t.kind === 'distinctive' || t.kind === 'plain') ? t : undefined;
}

/** Shortest half of a split brand: a single letter split off (`p.aypal`) is any initial. */
const MIN_HALF = 2;

/**
 * A distinctive brand split in two by a dot or a hyphen (`pay.pal.x`,
 * `micro-soft-login.x`); not one built on a word (`hot.mail` reads as words).
 */
function splitAcross(index: ProtectedIndex, token: string, next: string | undefined): Target | undefined {
  // Most tokens begin no brand: a Set lookup before any string is built.
  if (next === undefined || token.length < MIN_HALF || next.length < MIN_HALF || !index.brandHeads.has(token)) return undefined;
  const t = index.byToken.get(token + next);
  return t && !t.composed ? t : undefined;
}

/** The two halves with the separator the host puts between them, for the warning. */
function asWritten(host: string, a: string, b: string): string {
  return host.includes(`${a}-${b}`) ? `${a}-${b}` : `${a}.${b}`;
}

export function byEmbeddedDomain(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  const total = parts.subTokens.length + parts.labelTokens.length;
  for (let i = 0; i < total; i++) {
    const token = tokenAt(parts, i)!;
    const next = tokenAt(parts, i + 1);
    // Not across the registrable label's edge: `pay.pal.example` is the pay host of a site named pal.
    const split = i + 1 < total && i + 1 !== parts.subTokens.length ? splitAcross(index, token, next) : undefined;
    if (split) return { imitates: split.domain, brand: split.brand, rule: 'embedded-brand', part: asWritten(parts.host, token, next!) };
    const t = index.bySequenceStart.get(token)?.find((c) => startsAt(parts, i, c.sequence)) ?? stemmedBefore(index, token, next) ?? nationalAfter(index, parts, i, token);
    // The domain as spelled: an owned one named by a product word (`fb.com`) stands for the brand's first.
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: t.sequence.join('.') };
  }
  return null;
}
