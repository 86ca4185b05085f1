// Property tests. Set FC_RUNS (e.g. 100000, with --testTimeout=300000) for a deeper run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/core/url/canonicalize.ts';
import { isBareIpv6, parseEntry } from '../../../src/core/url/entry.ts';
import { readUrl } from '../../../src/core/url/readings.ts';

/** Characters that steer URL parsing, mixed with odd Unicode. */
const urlChar = fc.constantFrom(
  ...'aZ09.-_~/\\?#@:%[]!$&\'()*+,;= \t\r\n\x00\x01\x7f\x80\u00ad\u00fc\u3002\uff21\uff0e\ud800'.split(''),
  '%25',
  '%2e',
  '%2F',
  '%3A',
  '%00',
  '%C3%BC',
  '%zz',
  '..',
  '0x',
  '::',
);

const urlLike = fc
  .tuple(
    fc.constantFrom('', 'http://', 'https://', 'HTTP:', 'ftp://', 'ws://', 'blob:http://', 'javascript:', 'http%3A%2F%2F', '  http://'),
    fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV4Extended(),
      fc.ipV6().map((ip) => `[${ip}]`),
      fc.string({ unit: urlChar, maxLength: 12 }),
    ),
    fc.string({ unit: urlChar, maxLength: 30 }),
  )
  .map(([scheme, host, rest]) => scheme + host + rest);

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), urlLike);

describe('canonicalize properties', () => {
  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const once = canonicalize(input);
        if (once !== null) expect(canonicalize(once)).toBe(once);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });

  it('produces printable ASCII with a host and a path', () => {
    fc.assert(
      fc.property(urlLike, (input) => {
        const c = canonicalize(input);
        if (c === null) return;
        expect(c).toMatch(/^(https?|ftps?|wss?):\/\/[^/?]+\/[\x21-\x7e]*$/);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });
});

describe('readUrl properties', () => {
  it('never throws, and every reading is canonical', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const { canonical, host, readings } = readUrl(input);
        if (canonical !== null) expect(readings.length).toBeGreaterThan(0);
        expect(host === null).toBe(readings.length === 0);
        for (const r of readings) {
          const url = `http://${r.host}${r.path}${r.query === null ? '' : '?' + r.query}`;
          expect(canonicalize(url)).toBe(url);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });

  it('agrees with the general pipeline on URLs the fast path takes', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const { readings } = readUrl(url);
        const slow = readUrl(` ${url}`);
        expect(readings).toEqual(slow.readings);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1000) },
    );
  });
});

describe('parseEntry properties', () => {
  it('gives a URL the expression of its document reading, so entries and lookups hash alike', () => {
    fc.assert(
      fc.property(fc.oneof(urlLike, fc.webUrl({ withQueryParameters: true, withFragments: true })), (url) => {
        const entry = parseEntry(url);
        const canonical = canonicalize(url);
        // A bare IPv6 entry (`1::`) names that address; as a URL it reads host `1`, empty port.
        if (!entry.ok || canonical === null || isBareIpv6(url.trim())) return;
        expect(canonical.slice(canonical.indexOf('://') + 3)).toBe(entry.expression);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });

  it('never throws; an accepted expression parses to itself', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const r = parseEntry(input);
        if (r.ok) expect(parseEntry(r.expression)).toEqual(r);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });
});
