// Real lists as published (excerpts in test/fixtures/lists/real/, see SOURCES.md):
// each imports, and the verdicts on its hosts are the ones a correct importer gives.
import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { BlocklistSet } from '../../../src/core/engine/blocklist-set.ts';
import { parseList } from '../../../src/core/list/parse-list.ts';
import type { ParsedList } from '../../../src/core/list/types.ts';
import { fixture } from './fixtures.ts';

const real = (name: string, strict = false): ParsedList => parseList(fixture(`real/${name}`), { file: name, strict });

function judge(list: ParsedList): (url: string) => { verdict: string; line: number | null } {
  const engine = new BlocklistSet([Blocklist.fromLists([list])]);
  return (url) => {
    const v = engine.lookup(url);
    return { verdict: v.verdict, line: v.match?.line ?? null };
  };
}

const counts = (list: ParsedList): Record<string, number> =>
  Object.fromEntries((list.meta.skipped?.reasons ?? []).map((r) => [r.code, r.count]));

describe('malware-filter URLhaus hosts file', () => {
  const list = real('urlhaus-filter-hosts.txt', true);
  const at = judge(list);
  it('imports strictly: hosts under private suffixes, even ones that are suffixes through a PSL wildcard, are hosts', () => {
    expect(list.entries).toHaveLength(19);
    expect(list.meta.skipped).toBeUndefined();
    expect(list.meta.title).toBe('Malicious Hosts Blocklist');
    expect(at('http://ec2-3-83-64-249.compute-1.amazonaws.com/x.exe')).toEqual({ verdict: 'warn', line: 21 });
    expect(at('http://ec2-13-112-69-225.ap-northeast-1.compute.amazonaws.com/')).toEqual({ verdict: 'warn', line: 18 });
    expect(at('https://04c077be.ngrok.io/login')).toEqual({ verdict: 'warn', line: 8 });
    expect(at('https://dzwonsemrish7.cloudfront.net/a.js')).toEqual({ verdict: 'warn', line: 17 });
  });
  it('lists each host only: neighbours on the same hosting service stay unlisted', () => {
    expect(at('http://ec2-3-83-64-250.compute-1.amazonaws.com/').verdict).toBe('ok');
    expect(at('https://other.ngrok.io/').verdict).toBe('ok');
    expect(at('https://cloudfront.net/').verdict).toBe('ok');
    expect(at('https://www.hinet.net/').verdict).toBe('ok');
  });
});

describe('StevenBlack hosts file (127.0.0.1 and localhost lines)', () => {
  const list = real('stevenblack-hosts.txt', true);
  const at = judge(list);
  it('takes the 0.0.0.0 names, never localhost, local or broadcasthost, nor commented lines', () => {
    expect(list.entries.map((e) => e.expression)).toEqual([
      'lb.usemaxserver.de/', 'tracking.klickthru.com/', 'd3anogn3pbtk4v.cloudfront.net/', 'admarvel.s3.amazonaws.com/', 'applift.com/',
    ]);
    expect(at('http://tracking.applift.com/').line).toBe(45);
    expect(at('http://localhost/').verdict).toBe('ok');
  });
});

describe("hagezi's fake-shop domain list", () => {
  const list = real('hagezi-fake.txt', true);
  const at = judge(list);
  it('imports strictly with domain-level semantics, shop subdomains of hosting services included', () => {
    expect(list.entries).toHaveLength(19);
    expect(at('https://baolis.myshopify.com/products/x')).toEqual({ verdict: 'warn', line: 26 });
    expect(at('https://www.alpinejb.blogspot.com/')).toEqual({ verdict: 'warn', line: 21 });
    expect(at('https://shop.4na.weebly.com/').verdict).toBe('warn');
    expect(at('https://myshopify.com/').verdict).toBe('ok');
    expect(at('https://genuine.myshopify.com/').verdict).toBe('ok');
    expect(at('https://blogspot.com/').verdict).toBe('ok');
  });
});

describe('uBlock Origin badware filters', () => {
  const list = real('ubo-badware.txt', true);
  const at = judge(list);
  it('imports strictly: it declares itself Adblock (! Title:), so rules it cannot use are counted, not refused', () => {
    expect(list.errors).toEqual([]);
    expect(counts(list)).toEqual({ pattern: 7, restricted: 7, cosmetic: 3 });
    expect(list.meta.skipped?.lines).toBe(17);
  });
  it('blocks ||host^, $doc and $all rules at domain level', () => {
    expect(at('https://flexytalk.net/').line).toBe(15);
    expect(at('https://www.vlc.de/download').line).toBe(16);
    expect(at('https://fecebook.com/login').line).toBe(27);
    expect(at('https://whatsapp-32w.pages.dev/').line).toBe(35);
    expect(at('http://37.1.213.100/x').line).toBe(32);
  });
  it('keeps path-scoped rules path-scoped', () => {
    expect(at('https://www.01net.com/telecharger/windows/x.html').line).toBe(13);
    expect(at('https://www.01net.com/actualites/').verdict).toBe('ok');
    expect(at('https://www.mediafire.com/folder/ofa1qju50ffaz/file').line).toBe(37);
    expect(at('https://www.mediafire.com/').verdict).toBe('ok');
    expect(at('https://sites.google.com/view/hubgames').line).toBe(38);
    expect(at('https://sites.google.com/view/other').verdict).toBe('ok');
    expect(at('https://kit.github.io/health-records-x-ray/').line).toBe(33);
    expect(at('https://kit.github.io/').verdict).toBe('ok');
  });
  it('never widens a rule narrowed by options, ~domain, wildcards or a resource type to its whole domain', () => {
    expect(at('https://discordgift.site/').verdict).toBe('ok');
    expect(at('https://s3blog.org/').verdict).toBe('ok');
    expect(at('https://newsharecounts.s3-us-west-2.amazonaws.com/').verdict).toBe('ok');
    expect(at('https://www.majorgeeks.com/').verdict).toBe('ok');
    expect(at('https://moviesboys.com/').verdict).toBe('ok');
    expect(at('https://cdn.discordapp.com/').verdict).toBe('ok');
    expect(at('https://suggestive.com/deals/').verdict).toBe('ok');
    expect(at('https://ublock.org/').verdict).toBe('ok');
  });
  it('names the first lines of each reason with their numbers', () => {
    const restricted = list.meta.skipped?.reasons.find((r) => r.code === 'restricted');
    expect(restricted?.first).toEqual([
      { line: 18, text: '||newsharecounts.s3-us-west-2.amazonaws.com/nsc.js$script' },
      { line: 19, text: '||s3blog.org^$3p' },
      { line: 21, text: '||majorgeeks.com/images/icons/red_icon_18x17px.png$image' },
    ]);
  });
});

describe("MetaMask's eth-phishing-detect config.json", () => {
  const list = real('metamask-config.json', true);
  const at = judge(list);
  it('blocks the blacklist at domain level, with the line of each name', () => {
    expect(list.entries).toHaveLength(20);
    expect(at('https://kvnuke.github.io/').line).toBe(28);
    expect(at('https://www.myetherwallet.com.rdrgh.com/').verdict).toBe('warn');
    expect(at('https://mettamask.io/').line).toBe(39);
    expect(at('https://github.io/').verdict).toBe('ok');
  });
  it('does not block the fuzzylist (the genuine sites look-alikes are measured against) and counts it', () => {
    expect(counts(list)).toEqual({ fuzzylist: 3 });
    expect(at('https://metamask.io/').verdict).toBe('ok');
    expect(at('https://myetherwallet.com/').verdict).toBe('ok');
  });
});
