// Seeded synthetic data: registrable domains and query URLs (~1% hits, half
// of them on subdomains), identical on every run.

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TLDS = ['com', 'net', 'org', 'info', 'io', 'xyz', 'top', 'co.uk', 'com.au', 'de', 'ru', 'online'];
const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SUBDOMAINS = ['www.', 'login.', 'secure.account.', 'm.'];
const PATHS = ['/', '/login', '/signin/index.html', '/a/b/c?session=1', '/wp-admin/', '/?q=x'];

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function label(rand: () => number): string {
  const length = 6 + Math.floor(rand() * 10);
  let s = '';
  for (let i = 0; i < length; i++) s += CHARS[Math.floor(rand() * CHARS.length)];
  return s;
}

/** `count` distinct registrable domains (`label.tld`). */
export function syntheticDomains(count: number, seed: number): string[] {
  const rand = prng(seed);
  const seen = new Set<string>();
  while (seen.size < count) seen.add(`${label(rand)}.${pick(rand, TLDS)}`);
  return [...seen];
}

/** `count` URLs; a `hitRate` share points into `listed` (half of those on a subdomain). */
export function syntheticUrls(count: number, listed: readonly string[], hitRate: number, seed: number): string[] {
  const rand = prng(seed);
  const urls = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const hit = rand() < hitRate;
    const domain = hit ? pick(rand, listed) : `${label(rand)}-q.${pick(rand, TLDS)}`;
    const sub = rand() < 0.5 ? pick(rand, SUBDOMAINS) : '';
    urls[i] = `${rand() < 0.8 ? 'https' : 'http'}://${sub}${domain}${pick(rand, PATHS)}`;
    // Concatenations are V8 cons strings, flattened on first character access:
    // do it here so the first engine measured does not pay for it.
    urls[i]!.charCodeAt(0);
  }
  return urls;
}
