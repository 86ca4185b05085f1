// The fast path for bare host names (line.ts isPlainHostLine, entry.ts
// parsePlainHost) and the short public-suffix lookup must change no verdict
// and no error: whole lists parsed both ways are equal, and the suffix answer
// equals the one read from tldts' full parse, on random and adversarial input.
import fc from 'fast-check';
import { parse as parseDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { isPlainHostLine } from '../../../src/core/list/line.ts';
import { isSubstringRule } from '../../../src/core/list/adblock.ts';
import { isPlainHostAt } from '../../../src/core/url/entry.ts';
import { parseList } from '../../../src/core/list/parse-list.ts';
import { suffixProblem } from '../../../src/core/url/public-suffix.ts';

const RUNS = Number(process.env.FC_RUNS ?? 1500);

/** Suffixes of every kind: ICANN, ICANN wildcard (`*.ck`), private, private wildcard, unknown, numeric. */
const PARENTS = [
  'com', 'co.uk', 'ck', 'kawasaki.jp', 'xn--p1ai', 'github.io', 'blogspot.com', 'cloudapp.net', 'support.site',
  'compute-1.amazonaws.com', 'ap-northeast-1.compute.amazonaws.com', 'web.app', 'internal', 'example', '123',
];
const label = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
  fc.constantFrom('www', 'city', 'ec2-3-227-136-78', '_dmarc', '-x', 'x-', 'a'.repeat(63), 'a'.repeat(64), '1', 'ÄB', 'bücher', 'xn--bcher-kva'),
);
const host = fc.oneof(
  fc.tuple(fc.array(label, { maxLength: 3 }), fc.constantFrom(...PARENTS)).map(([ls, p]) => [...ls, p].join('.')),
  fc.constantFrom(...PARENTS),
  fc.constantFrom('localhost', '1.2.3.4', '0x7f.1', '256.1.1.1', `${'abcdefgh.'.repeat(28)}com`),
);

/** One host, spelled the way real feeds spell it, or broken the way real feeds break it. */
const hostLine = fc
  .tuple(host, fc.constantFrom('', '', '', 'upper', 'dot', 'space', 'port', 'path', 'dir', 'query', 'url', 'hosts', 'rule', 'exception', 'comment'))
  .map(([h, how]) => {
    switch (how) {
      case 'upper': return h.toUpperCase();
      case 'dot': return `${h}.`;
      case 'space': return ` ${h}\t`;
      case 'port': return `${h}:8080`;
      case 'path': return `${h}/login`;
      case 'dir': return `${h}/kit/`;
      case 'query': return `${h}/?q=1`;
      case 'url': return `https://${h}/`;
      case 'hosts': return `0.0.0.0 ${h} ${h}`;
      case 'rule': return `||${h}^`;
      case 'exception': return `@@||${h}^`;
      case 'comment': return `${h} # note`;
      default: return h;
    }
  });
const otherLine = fc.constantFrom('', '! comment', '# comment', '##.ad', '[::1]', '2001:db8::1', 'two words', 'mailto:x@y.z', '/ads/', '*');
const header = fc.constantFrom('', '[Adblock Plus 2.0]\n', '! Title: t\n', '# allow suffix: github.io, cloudapp.net\n', '# count: 3\n');

const breaks = fc.tuple(fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', '\ufeff'), fc.constantFrom('', '\n', '\r\n'));

const both = (text: string, allowSuffixes: string[]): [unknown, unknown] => [
  parseList(text, { file: 'p.txt', allowSuffixes }),
  parseList(text, { file: 'p.txt', allowSuffixes }, false),
];

describe('the bare-host fast path', () => {
  const plain = (line: string, adblockList: boolean): boolean => isPlainHostLine(` ${line}\n`, 1, line.length + 1, adblockList);

  it('takes only canonical host names, as read', () => {
    expect(plain('evil.example.com', false)).toBe(true);
    expect(plain('github.io', false)).toBe(true); // refused later, by the suffix rule
    for (const line of ['Evil.com', ' evil.com', 'evil.com.', 'evil.com/', '1.2.3.4', 'evil.com:80', 'bücher.de', '||evil.com^', '', '.a', 'a..b', 'a.1']) {
      expect(plain(line, false)).toBe(false);
    }
    // In an Adblock list an unanchored word without a dot is a substring rule.
    expect(plain('localhost', true)).toBe(false);
    expect(plain('_x.com', true)).toBe(false);
    expect(plain('-x.com', true)).toBe(false);
    expect(plain('x_.com', true)).toBe(true);
  });

  /** The test as first written: the regex, the length bound, and isSubstringRule in an Adblock list. */
  const PLAIN_HOST = /^(?:[a-z0-9_-]{1,63}\.)*[a-z_-][a-z0-9_-]{0,62}$/;
  const reference = (line: string, adblockList: boolean): boolean =>
    line.length <= 253 && PLAIN_HOST.test(line) && !(adblockList && isSubstringRule(line));
  /** Words near the edges: label lengths 62-64, 253-254 characters, every character class, digits leading the last label. */
  const word = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', '-', '_', '.', 'A', ' ', '/', ':', 'é', '\t', '#', '|', '^'), maxLength: 12 }),
    fc.tuple(fc.array(fc.integer({ min: 0, max: 64 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('a', '1', '_', '-')).map(([lengths, c]) => lengths.map((n) => c.repeat(n)).join('.')),
    fc.tuple(fc.integer({ min: 250, max: 256 }), fc.constantFrom('com', '1', 'x')).map(([n, tld]) => `${'a.'.repeat(n)}`.slice(0, n - tld.length) + tld),
    hostLine,
  );

  it('says what the regex says, on any word, in place in any text', () => {
    fc.assert(
      fc.property(word, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), fc.boolean(), (w, before, after, adblockList) => {
        const text = before + w + after;
        expect(isPlainHostAt(text, before.length, before.length + w.length)).toBe(w.length <= 253 && PLAIN_HOST.test(w));
        expect(isPlainHostLine(text, before.length, before.length + w.length, adblockList)).toBe(reference(w, adblockList));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a list exactly the entries, errors, skips and metadata of the general parser', () => {
    fc.assert(
      fc.property(header, fc.array(fc.oneof({ weight: 4, arbitrary: hostLine }, { weight: 1, arbitrary: otherLine }), { maxLength: 25 }), fc.subarray(['github.io', 'web.app']), breaks, (head, lines, allow, [br, bom, last]) => {
        // Any line breaks, a BOM, a final break or none: the text is read in place (list-text.ts).
        const [fast, slow] = both(bom + head.replace(/\n/g, br) + lines.join(br) + last, allow);
        expect(fast).toEqual(slow);
      }),
      { numRuns: RUNS },
    );
  });

  it('throws the same strict error as the general parser', () => {
    const text = 'ok.com\ngithub.io\nCO.UK\nco.uk\nx.compute-1.amazonaws.com\ncom\n';
    const message = (fast: boolean): string => {
      try {
        parseList(text, { file: 's.txt', strict: true }, fast);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message(true)).toMatch(/^s\.txt:2: .*\ns\.txt:3: .*\ns\.txt:4: .*\ns\.txt:6: /);
    expect(message(true)).toBe(message(false));
  });
});

describe('the short public-suffix lookup', () => {
  /** The rule as first written, from tldts' full parse. */
  function reference(h: string, allow: ReadonlySet<string>): string | null {
    const own = (x: string): ReturnType<typeof parseDomain> | null => {
      const r = parseDomain(x, { allowPrivateDomains: true, extractHostname: false, validateHostname: false });
      return r.publicSuffix === x && (r.isIcann || r.isPrivate) ? r : null;
    };
    const r = own(h);
    if (r === null) return null;
    if (r.isIcann) return 'public-suffix';
    const dot = h.indexOf('.');
    const probe = dot < 0 ? h : `tg-psl-probe-0.${h.slice(dot + 1)}`;
    return (dot >= 0 && probe !== h && own(probe) !== null) || allow.has(h) ? null : 'hosting-suffix';
  }

  it('answers every host as the full parse does', () => {
    fc.assert(
      fc.property(fc.oneof(host, host.map((h) => `${h}.`), host.map((h) => h.toUpperCase())), fc.subarray(['github.io', 'cloudapp.net']), (h, allow) => {
        const allowed = new Set(allow);
        expect(suffixProblem(h, { allowSuffixes: allowed })?.code ?? null).toBe(reference(h, allowed));
      }),
      { numRuns: RUNS },
    );
  });
});
