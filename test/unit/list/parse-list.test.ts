import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/core/list/parse-list.ts';
import type { ParsedList } from '../../../src/core/list/types.ts';
import { fixture } from './fixtures.ts';

const expressions = (l: ParsedList): string[] => l.entries.map((e) => e.expression);

describe('parseList: hosts files', () => {
  const list = parseList(fixture('hosts.txt'), { file: 'hosts.txt', strict: true });
  it('takes every name of every line, never the system names', () => {
    expect(expressions(list)).toEqual([
      'evil.com/',
      'a.evil.net/',
      'b.evil.net/',
      'c.evil.net/',
      'tabbed.example.org/',
      'ipv6-sink.example.org/',
    ]);
  });
  it('keeps the first line of a duplicate', () => {
    expect(list.entries[0]).toEqual({ expression: 'evil.com/', kind: 'domain', line: 8 });
    expect(list.entries.find((e) => e.expression === 'c.evil.net/')?.line).toBe(9);
  });
});

describe('parseList: Adblock lists', () => {
  const list = parseList(fixture('adblock.txt'), { file: 'adblock.txt', strict: true });
  it('turns site-wide network rules and URL prefixes into entries', () => {
    expect(expressions(list)).toEqual([
      'evil.com/',
      'doc.example.net/',
      'document.example.net/',
      'all.example.net/',
      'login.example.org/signin',
      'login.example.org/signin/',
      'files.example.org/dl/',
      'exact.example.org/page.html',
    ]);
  });
  it('counts cosmetic, exception and narrowed rules as skipped, not errors', () => {
    expect(list.skips.length).toBe(7);
    expect(list.errors).toEqual([]);
  });
  it('reads "! Title:" as the title', () => {
    expect(list.meta.title).toBe('Example phishing filters');
    expect(list.meta.source).toBe('https://example.org/filters');
  });
  it('refuses cosmetic rules and narrowed options in a list that is not declared Adblock', () => {
    const r = parseList('evil.com\nexample.com##.ad\n||x.example.com^$third-party\n||ok.example.com^\n', { file: 'l.txt' });
    expect(expressions(r)).toEqual(['evil.com/', 'ok.example.com/']);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(r.skips.length).toBe(0);
  });
});

describe('parseList: headers and provenance', () => {
  const list = parseList(fixture('court-style.txt'), { file: 'blocklists/court-style.txt', origin: 'court', strict: true });
  it('reads every header key into ListMeta', () => {
    expect(list.meta).toEqual({
      id: 'court-style',
      title: 'Example Corp. v. John Does 1-2',
      origin: 'court',
      court: 'U.S. District Court, Eastern District of Virginia',
      docket: '1:99-cv-00001',
      date: '2099-01-02',
      seizedBy: 'Example Digital Crimes Unit',
      description: 'credential-phishing domains',
      source: 'test fixture',
      confidence: 'complete',
      count: 4,
    });
  });
  it('stores URLs as SB expressions and Unicode as punycode', () => {
    expect(expressions(list)).toEqual([
      'login-example.com/',
      'account-verify.example.net/',
      'secure-example.org/login.html',
      'xn--bcher-login-thb.de/',
    ]);
  });
  it('defaults id and title to the file name and origin to user', () => {
    expect(parseList('evil.com', { file: 'dir/My List.txt' }).meta).toEqual({ id: 'My List', title: 'My List', origin: 'user', count: 1 });
    expect(parseList('evil.com', { file: 'x.txt', id: 'given' }).meta.id).toBe('given');
  });
});

describe('parseList: errors', () => {
  const text = fixture('bad-lines.txt');
  it('reports every bad line with file:line and reason in lenient mode', () => {
    const list = parseList(text, { file: 'bad-lines.txt' });
    expect(expressions(list)).toEqual(['good.example.com/', 'another-good.example.com/']);
    expect(list.errors.map((e) => [e.file, e.line])).toEqual([
      ['bad-lines.txt', 2],
      ['bad-lines.txt', 4],
      ['bad-lines.txt', 5],
      ['bad-lines.txt', 6],
      ['bad-lines.txt', 7],
      ['bad-lines.txt', 8],
      ['bad-lines.txt', 9],
      ['bad-lines.txt', 10],
    ]);
    expect(list.errors[0]?.reason).toMatch(/count.*3.*2/);
    expect(list.errors[1]?.reason).toMatch(/"com" is a public suffix/);
    expect(list.errors[2]?.reason).toMatch(/"co\.uk" is a public suffix/);
  });
  it('throws in strict mode, naming every bad line', () => {
    expect(() => parseList(text, { file: 'bad-lines.txt', strict: true })).toThrowError(
      /^bad-lines\.txt:2: count[^\n]*\nbad-lines\.txt:4: "com" is a public suffix[^\n]*\nbad-lines\.txt:5: /,
    );
  });
});
