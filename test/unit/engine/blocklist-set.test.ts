import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { BlocklistSet } from '../../../src/core/engine/blocklist-set.ts';
import { firstMatch } from '../../../src/core/engine/verdict.ts';
import { kindOf, meta } from './arbitraries.ts';

function blocklist(id: string, origin: 'court' | 'admin' | 'user', expressions: string[]): Blocklist {
  return Blocklist.fromLists([{ meta: meta(id, origin), entries: expressions.map((expression, i) => ({ expression, kind: kindOf(expression), line: i + 1 })) }]);
}

const court = blocklist('case-a', 'court', ['evil.com/', 'phish.net/login/']);
const admin = blocklist('corp-policy', 'admin', ['evil.com/', 'intranet-phish.org/']);
const allow = blocklist('allowed', 'user', ['safe.evil.com/', 'phish.net/login/ok.html']);

describe('BlocklistSet', () => {
  const engine = new BlocklistSet([court, admin], allow);

  it('warns with the provenance of the first blocklist that matches', () => {
    expect(engine.lookup('https://www.evil.com/')).toEqual({
      input: 'https://www.evil.com/',
      canonical: 'https://www.evil.com/',
      host: 'www.evil.com',
      verdict: 'warn',
      match: { entry: 'evil.com/', list: 'case-a', line: 1 },
    });
    expect(engine.lookup('http://intranet-phish.org/x').match).toEqual({ entry: 'intranet-phish.org/', list: 'corp-policy', line: 2 });
  });

  it('lets the allow-list override every blocklist', () => {
    expect(engine.lookup('https://safe.evil.com/login')).toMatchObject({ verdict: 'ok', match: null });
    expect(engine.lookup('https://a.safe.evil.com/')).toMatchObject({ verdict: 'ok' });
    expect(engine.lookup('https://phish.net/login/ok.html')).toMatchObject({ verdict: 'ok' });
    expect(engine.lookup('https://phish.net/login/other.html')).toMatchObject({ verdict: 'warn', match: { entry: 'phish.net/login/' } });
    expect(new BlocklistSet([court]).lookup('https://safe.evil.com/').verdict).toBe('warn');
  });

  it('applies the allow-list per reading: allowing one reading does not excuse another host', () => {
    const set = new BlocklistSet([court], blocklist('allow', 'user', ['evil.com/']));
    const readings = [
      { host: 'evil.com', path: '/', query: null },
      { host: 'phish.net', path: '/login/x', query: null },
    ];
    expect(firstMatch(set, readings)).toEqual({ entry: 'phish.net/login/', list: 'case-a', line: 2 });
    expect(firstMatch(set, readings.slice(0, 1))).toBeNull();
  });

  it('judges the browser reading too (backslashes, userinfo, upper case, fullwidth)', () => {
    for (const url of ['https://WWW.EVIL.COM/', 'https://user:pw@evil.com/', 'https:\\\\evil.com\\login', 'https://ｅｖｉｌ.com/', 'blob:https://evil.com/uuid']) {
      expect(engine.lookup(url).verdict, url).toBe('warn');
    }
  });

  it('says invalid for URLs with no host to judge', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', '', 'http://']) {
      expect(engine.lookup(url), url).toMatchObject({ verdict: 'invalid', match: null });
    }
  });

  it('finds list metadata by id, and counts entries', () => {
    expect(engine.listMeta('corp-policy')).toMatchObject({ id: 'corp-policy', origin: 'admin', count: 2 });
    expect(engine.listMeta('allowed')?.origin).toBe('user');
    expect(engine.listMeta('nope')).toBeUndefined();
    expect(engine.size).toBe(4);
  });
});
