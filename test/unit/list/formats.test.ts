import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/core/list/parse-list.ts';
import type { ParsedList } from '../../../src/core/list/types.ts';

const parse = (text: string): ParsedList => parseList(text, { file: 'l.txt' });
const expressions = (text: string): string[] => parse(text).entries.map((e) => e.expression);
const errorLines = (text: string): number[] => parse(text).errors.map((e) => e.line);

describe('plain lines', () => {
  it('reads domains, SB expressions and URLs with their kinds', () => {
    const list = parse('evil.com\nevil.net/dir/\nevil.org/page.html?id=1\nhttps://user@evil.io:8443/Login#top\n1.2.3.4\n');
    expect(list.entries.map((e) => [e.expression, e.kind, e.line])).toEqual([
      ['evil.com/', 'domain', 1],
      ['evil.net/dir/', 'prefix', 2],
      ['evil.org/page.html?id=1', 'exact', 3],
      ['evil.io/Login', 'exact', 4],
      ['1.2.3.4/', 'ip', 5],
    ]);
  });
  it('stores Unicode hosts as punycode and applies UTS #46 mapping', () => {
    expect(expressions('bücher.de\nｅｖｉｌ。com\nпример.рф\n')).toEqual(['xn--bcher-kva.de/', 'evil.com/', 'xn--e1afmkfd.xn--p1ai/']);
  });
  it('accepts underscores in host names', () => {
    expect(expressions('_dmarc.evil.com\na_b.evil.com')).toEqual(['_dmarc.evil.com/', 'a_b.evil.com/']);
  });
  it('drops a trailing comment after whitespace but keeps # inside a URL out of it', () => {
    expect(expressions('evil.com # seized\nevil.net\t# tab\nhttp://evil.org/#frag')).toEqual(['evil.com/', 'evil.net/', 'evil.org/']);
  });
  it('deduplicates after normalisation, keeping the first line', () => {
    const list = parse('EVIL.com\nhttp://evil.com/\n0.0.0.0 evil.com\nevil.com.\n');
    expect(list.entries).toEqual([{ expression: 'evil.com/', kind: 'domain', line: 1 }]);
    expect(list.errors).toEqual([]);
  });
});

describe('line ends, BOM and comments', () => {
  it('reads CRLF, CR and a BOM with the right line numbers', () => {
    const list = parse('\ufeff# title: T\r\nevil.com\r\n\r\nbad .com\revil.net');
    expect(list.meta.title).toBe('T');
    expect(list.entries.map((e) => [e.expression, e.line])).toEqual([
      ['evil.com/', 2],
      ['evil.net/', 5],
    ]);
    expect(list.errors.map((e) => e.line)).toEqual([4]);
  });
  it('skips # and ! comments and blank lines', () => {
    expect(parse('# c\n! c\n\n   \n#evil.com\nevil.net').entries.map((e) => e.line)).toEqual([6]);
  });
  it('reads header keys only before the first entry', () => {
    const list = parse('# source: first\nevil.com\n# court: later\n# source: x');
    expect(list.meta.source).toBe('first');
    expect(list.meta.court).toBeUndefined();
  });
  it('lets the first occurrence of a key win and ignores unknown keys', () => {
    const list = parse('# date: 2020-01-01\n# date of order: 2021\n# reference: x\n! Seized By: DCU\nevil.com');
    expect(list.meta).toMatchObject({ date: '2020-01-01', seizedBy: 'DCU' });
  });
  it('checks count against the distinct entries', () => {
    expect(parse('# count: 2\nevil.com\nEVIL.com\nevil.net').errors).toEqual([]);
    expect(parse('# count: 3\nevil.com\nevil.com\nevil.net').errors).toEqual([
      { file: 'l.txt', line: 1, code: 'bad-count', reason: 'count: the header says 3 entries but the list has 2', text: '# count: 3' },
    ]);
    expect(parse('# count: many\nevil.com').errors[0]?.reason).toMatch(/not a number/);
  });
});

describe('hosts files', () => {
  it('takes every name after the address, any sink address', () => {
    expect(expressions('0.0.0.0 a.com b.com\n127.0.0.1\tc.com\n::1 d.com\n:: e.com\nfe80::1%lo0 f.com\n1.2.3.4 g.com')).toEqual(
      ['a.com/', 'b.com/', 'c.com/', 'd.com/', 'e.com/', 'f.com/', 'g.com/'],
    );
  });
  it('never lists localhost and the other system names', () => {
    const text = '127.0.0.1 localhost\n127.0.0.1 localhost.localdomain\n255.255.255.255 broadcasthost\n::1 ip6-localhost ip6-loopback\n0.0.0.0 0.0.0.0\n';
    expect(parse(text)).toMatchObject({ entries: [], errors: [], skips: [] });
  });
  it('reports a bad name on its line and keeps the good ones', () => {
    const list = parse('0.0.0.0 good.com co.uk *.bad.com');
    expect(list.entries.map((e) => e.expression)).toEqual(['good.com/']);
    expect(list.errors.map((e) => [e.line, e.reason])).toEqual([
      [1, expect.stringMatching(/"co\.uk" is a public suffix/)],
      [1, expect.stringMatching(/not a valid host name/)],
    ]);
  });
});

describe('Adblock rules', () => {
  it('reads ||host^ with and without site-wide options, outside declared lists too', () => {
    expect(expressions('||a.com^\n||b.com^$doc\n||c.com^$document\n||d.com^$all\n||e.com^$important,doc\n||f.com')).toEqual(
      ['a.com/', 'b.com/', 'c.com/', 'd.com/', 'e.com/', 'f.com/'],
    );
  });
  it('reads ||host/path as a URL prefix and |url| as one page', () => {
    expect(expressions('||a.com/login^\n||b.com/dir/\n||c.com/x?y=1|\n|https://d.com/p.html|')).toEqual([
      'a.com/login',
      'a.com/login/',
      'b.com/dir/',
      'c.com/x?y=1',
      'd.com/p.html',
    ]);
  });
  it('skips what it cannot use in a declared list, counting it', () => {
    const text = '! Title: T\n||a.com^\n##.ad\nx.com##.ad\nx.com#@#.ad\nx.com#?#div\n@@||ok.com^\n||t.com^$third-party\n||w.com/*.js\n/ads/*\n';
    const list = parse(text);
    expect(list.entries.map((e) => e.expression)).toEqual(['a.com/']);
    expect(list.skips.length).toBe(8);
    expect(list.errors).toEqual([]);
  });
  it('skips unanchored URL-substring rules in a declared list, but still refuses public suffixes', () => {
    const list = parse('[Adblock Plus 2.0]\n/banner/ads.\n-advert-\n&ad_type=\n.ads.\nevil.com\nco.uk\nhttps://evil.net/x\n');
    expect(list.entries.map((e) => e.expression)).toEqual(['evil.com/', 'evil.net/x']);
    expect(list.skips.length).toBe(4);
    expect(list.errors.map((e) => [e.line, e.reason])).toEqual([[7, expect.stringMatching(/public suffix/)]]);
  });
  it('recognises [Adblock Plus 2.0] and [uBlock Origin] headers', () => {
    expect(parse('[Adblock Plus 2.0]\n##.ad').skips.length).toBe(1);
    expect(parse('[uBlock Origin]\n##.ad').skips.length).toBe(1);
  });
  it('refuses the same rules in a list that does not declare itself Adblock', () => {
    expect(errorLines('a.com\nx.com##.ad\n@@||ok.com^\n||t.com^$third-party\n||w.com/*.js')).toEqual([2, 3, 4, 5]);
  });
  it('does not take "# Title:" for an Adblock declaration', () => {
    expect(errorLines('# Title: T\nx.com##.ad')).toEqual([2]);
  });
});

describe('errors', () => {
  it.each([
    ['com', 'public-suffix', /public suffix/],
    ['co.uk', 'public-suffix', /public suffix/],
    ['github.io', 'hosting-suffix', /hosting service's public suffix.*--allow-suffix github\.io/],
    ['evil.com extra words', 'not-an-entry', /one entry a line/],
    ['mailto:a@evil.com', 'not-web', /not a web address/],
    ['http://', 'no-host', /no host/],
    ['||^', 'pattern', /Adblock rule/],
  ])('refuses %j with file:line and a code', (line, code, reason) => {
    const list = parse(`ok.com\n${line}\n`);
    expect(list.entries.map((e) => e.expression)).toEqual(['ok.com/']);
    expect(list.errors).toEqual([{ file: 'l.txt', line: 2, code, reason: expect.stringMatching(reason), text: line }]);
  });
  it('strict mode throws one error listing every bad line in order', () => {
    expect(() => parseList('com\nok.com\nevil .com\n# count: 9', { file: 'dir/x.txt', strict: true })).toThrowError(
      /^dir\/x\.txt:1: "com" is a public suffix[^\n]*\ndir\/x\.txt:3: expected one entry a line[^\n]*$/,
    );
  });
  it('strict mode returns normally for a clean list', () => {
    expect(parseList('# count: 1\nok.com', { file: 'x.txt', strict: true }).entries).toHaveLength(1);
  });
});
