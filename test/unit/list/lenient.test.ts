// Strict and lenient imports, the import summary, suffix overrides and
// exceptions that must never be widened over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/core/list/parse-list.ts';
import { FIRST_LINES } from '../../../src/core/list/summary.ts';
import type { ParsedList } from '../../../src/core/list/types.ts';
import { suffixProblem } from '../../../src/core/url/public-suffix.ts';
import { fixture } from './fixtures.ts';

const lenient = (text: string, allowSuffixes?: string[]): ParsedList => parseList(text, { file: 'l.txt', allowSuffixes });
const expressions = (l: ParsedList): string[] => l.entries.map((e) => e.expression);

describe('strict failure', () => {
  it('names file, line and reason of each bad line of a real list, and imports nothing', () => {
    const text = fixture('real/hagezi-fake.txt') + 'github.io\nco.uk\n';
    expect(() => parseList(text, { file: 'fake.txt', strict: true })).toThrowError(
      /^fake\.txt:31: "github\.io" is a hosting service's public suffix[^\n]*--allow-suffix github\.io[^\n]*\nfake\.txt:32: "co\.uk" is a public suffix/,
    );
  });
  it('lenient mode imports the good lines and sums up the rest', () => {
    const list = parseList(fixture('real/hagezi-fake.txt') + 'github.io\nco.uk\nbad host.com extra\n', { file: 'fake.txt' });
    expect(list.entries).toHaveLength(19);
    expect(list.meta.skipped).toEqual({
      lines: 3,
      reasons: [
        { code: 'hosting-suffix', count: 1, first: [{ line: 31, text: 'github.io' }] },
        { code: 'not-an-entry', count: 1, first: [{ line: 33, text: 'bad host.com extra' }] },
        { code: 'public-suffix', count: 1, first: [{ line: 32, text: 'co.uk' }] },
      ],
    });
  });
});

describe('the import summary', () => {
  it(`counts every skipped line per reason, keeps the first ${FIRST_LINES} of each, most frequent reason first`, () => {
    const bad = Array.from({ length: 5 }, (_, i) => `0.0.0.0 x${i}.example co.uk`);
    const list = lenient(['ok.com', ...bad, 'mailto:a@b.c'].join('\n'));
    expect(list.entries).toHaveLength(6);
    expect(list.meta.skipped?.lines).toBe(6);
    expect(list.meta.skipped?.reasons.map((r) => [r.code, r.count])).toEqual([['public-suffix', 5], ['not-web', 1]]);
    expect(list.meta.skipped?.reasons[0]?.first.map((f) => f.line)).toEqual([2, 3, 4]);
  });
  it('cuts long lines and flattens tabs (the summary is signed and shown)', () => {
    const list = lenient(`ok.com\n${'a'.repeat(300)}\tb`);
    const text = list.meta.skipped?.reasons[0]?.first[0]?.text ?? '';
    expect(text.length).toBe(120);
    expect(text).not.toMatch(/\t/);
  });
});

describe('hosting suffixes: --allow-suffix and "# allow suffix:"', () => {
  it('lists a named hosting service whole, and only the named ones', () => {
    expect(expressions(lenient('github.io\ncloudapp.net', ['github.io']))).toEqual(['github.io/']);
    expect(expressions(lenient('# allow suffix: cloudapp.net, github.io\ngithub.io\ncloudapp.net\nweb.app'))).toEqual(['github.io/', 'cloudapp.net/']);
    expect(lenient('# allow suffix: co.uk\nco.uk').errors[0]?.code).toBe('public-suffix');
  });
});

describe('exceptions are never widened over', () => {
  const block = (text: string): ParsedList => lenient(`! Title: t\n${text}`);
  it('drops, as refused, a block entry an exception carves a hole in', () => {
    const list = block('||evil.com^\n@@||safe.evil.com^\n||other.com^');
    expect(expressions(list)).toEqual(['other.com/']);
    expect(list.errors).toEqual([expect.objectContaining({ line: 2, code: 'narrowed', reason: expect.stringMatching(/exception on line 3/) })]);
    expect(() => parseList('! Title: t\n||evil.com^\n@@||safe.evil.com^', { file: 'x', strict: true })).toThrowError(/x:2: .*narrowed/);
  });
  it('drops, as the list says, an entry the exception covers whole; an exception touching nothing is only counted', () => {
    const list = block('||a.evil.com^\n||evil.com/login/\n@@||evil.com^\n@@||unrelated.org^');
    expect(list.entries).toEqual([]);
    expect(list.errors).toEqual([]);
    expect(list.meta.skipped?.reasons.map((r) => [r.code, r.count])).toEqual([['allowed', 2], ['exception', 2]]);
  });
  it('keeps entries whose paths the exception does not touch, and honours $badfilter', () => {
    expect(expressions(block('||evil.com/kit/\n@@||evil.com/other/'))).toEqual(['evil.com/kit/']);
    expect(expressions(block('||evil.com^\n||evil.com^$badfilter'))).toEqual([]);
  });
  it('takes an exception limited by options or with wildcards as wide as it may reach; cosmetic-only ones exempt nothing', () => {
    expect(expressions(block('||evil.com^\n@@||evil.com^$domain=evil.com'))).toEqual([]);
    expect(block('||evil.com/kit/\n@@||evil.com/kit/*.js$script').errors.map((e) => e.code)).toEqual(['narrowed']);
    expect(expressions(block('||evil.com/kit/\n@@||evil.com/other/*.js'))).toEqual(['evil.com/kit/']);
    expect(expressions(block('||evil.com^\n@@||evil.com^$generichide,elemhide'))).toEqual(['evil.com/']);
  });
  it("applies MetaMask's whitelist the same way", () => {
    const json = JSON.stringify({ fuzzylist: ['metamask.io'], whitelist: ['m.famalk.net', 'good.example'], blacklist: ['famalk.net', 'x.good.example', 'evil.example'] }, null, 2);
    const list = lenient(json);
    expect(expressions(list)).toEqual(['evil.example/']);
    expect(list.errors.map((e) => [e.code, e.text])).toEqual([['narrowed', '"famalk.net",']]);
    expect(list.skips.map((s) => s.code)).toEqual(['fuzzylist', 'allowed']);
  });
});

describe('properties', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
  // Random labels can hit a real suffix (`us.com`, `ltd.co.uk`): those are bad lines, not good ones.
  const host = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'net', 'org', 'github.io', 'co.uk'))
    .map(([ls, tld]) => `${ls.join('.')}.${tld}`)
    .filter((h) => suffixProblem(h) === null);
  const goodLine = fc.oneof(host, host.map((h) => `0.0.0.0 ${h}`), host.map((h) => `127.0.0.1 ${h}`), host.map((h) => `||${h}^`), host.map((h) => `${h}/kit/`));
  const badLine = fc.constantFrom('com', 'co.uk', 'github.io', 'two words here', 'mailto:x@y.z', 'http://');

  it('a list strict mode accepts gives the same entries in lenient mode, with no summary', () => {
    fc.assert(
      fc.property(fc.array(goodLine, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const strict = parseList(text, { file: 'p', strict: true });
        const loose = parseList(text, { file: 'p' });
        expect(loose.entries).toEqual(strict.entries);
        expect(loose.meta.skipped).toBeUndefined();
      }),
    );
  });
  it('bad lines added anywhere leave the same entries and are each counted once, on their line', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(goodLine, fc.option(badLine, { nil: undefined })), { maxLength: 30 }), (pairs) => {
        const mixed: string[] = [];
        const badAt: number[] = [];
        for (const [good, bad] of pairs) {
          if (bad !== undefined) badAt.push(mixed.push(bad));
          mixed.push(good);
        }
        const clean = parseList(pairs.map(([g]) => g).join('\n'), { file: 'p' });
        const loose = parseList(mixed.join('\n'), { file: 'p' });
        expect(expressions(loose).sort()).toEqual(expressions(clean).sort());
        expect([...new Set([...loose.errors.map((e) => e.line)])]).toEqual(badAt);
        expect(loose.meta.skipped?.lines ?? 0).toBe(badAt.length);
      }),
    );
  });
});
