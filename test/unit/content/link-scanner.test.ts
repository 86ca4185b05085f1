// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DangerousHost, Finding } from '../../../src/messages/protocol.ts';
import { LinkScanner, MAX_HOSTS_PER_REQUEST } from '../../../src/content/link-scanner.ts';
import { hostOfUrl, isPlainRelative } from '../../../src/content/link-hosts.ts';
import { deepShadowRoots } from '../../../src/content/page-roots.ts';

const BLOCKED: Finding = {
  level: 'blocked',
  match: { entry: 'evil.test/', list: 'court-1', line: 3 },
  list: { id: 'court-1', title: 'Case 1', origin: 'court', count: 1 },
};

function setup(html: string, dangerous: string[] = []) {
  document.body.innerHTML = html;
  const asked: string[][] = [];
  const marked: Element[][] = [];
  const cleared: string[][] = [];
  let queued: (() => void) | null = null;
  const scanner = new LinkScanner(document, {
    checkHosts: async (hosts) => {
      asked.push(hosts);
      return hosts.filter((h) => dangerous.includes(h)).map((host): DangerousHost => ({ host, finding: BLOCKED, mark: `to ${host}` }));
    },
    onDangerous: (els) => marked.push(els),
    onCleared: (hosts) => cleared.push([...hosts]),
    schedule: (fn) => {
      queued = fn;
    },
  });
  return { scanner, asked, marked, cleared, runQueued: () => queued?.() };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isPlainRelative', () => {
  it.each(['#top', '?q=1', '/path', 'page.html', 'dir/page?x=a:b', '../up'])('%s is relative', (href) => {
    expect(isPlainRelative(href)).toBe(true);
  });
  it.each(['//evil.test/', 'http://evil.test/', 'HTTP:evil.test', ' //evil.test', '/\\evil.test', '/\t/evil.test', 'javascript:x', ''])(
    '%j takes the exact path',
    (href) => expect(isPlainRelative(href)).toBe(false),
  );
});

describe('hostOfUrl', () => {
  it('reads http(s) hosts only', () => {
    expect(hostOfUrl('https://user:pw@Evil.Test:8443/x')).toBe('evil.test');
    expect(hostOfUrl('http://[::1]:80/')).toBe('[::1]');
    expect(hostOfUrl('ftp://evil.test/')).toBeNull();
    expect(hostOfUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('LinkScanner', () => {
  it('collects each host of a, area, form and iframe once', async () => {
    const { scanner, asked } = setup(`
      <a href="https://a.test/1">1</a><a href="https://a.test/2">2</a>
      <a href="//b.test/x">b</a><a href="relative.html">r</a><a href="mailto:x@c.test">m</a>
      <map><area href="http://d.test/" alt=""></map>
      <form action="https://e.test/login"></form>
      <iframe src="https://f.test/frame"></iframe>
      <a href="javascript:void 0">js</a>
      <svg><a href="https://g.test/svg"><text>g</text></a></svg>
      <link rel="stylesheet" href="https://style.test/not-a-link.css">`);
    scanner.start();
    await scanner.flush();
    expect(asked).toHaveLength(1);
    expect(new Set(asked[0])).toEqual(new Set(['a.test', 'b.test', 'localhost', 'd.test', 'e.test', 'f.test', 'g.test']));
  });

  it('reads a clobbered form action from the attribute', async () => {
    const { scanner, asked } = setup('<form action="https://evil.test/post"><input name="action"></form>');
    scanner.start();
    await scanner.flush();
    expect(asked.flat()).toContain('evil.test');
  });

  it('asks in chunks the protocol accepts', async () => {
    const links = Array.from({ length: 2500 }, (_, i) => `<a href="https://h${i}.test/">x</a>`).join('');
    const { scanner, asked } = setup(links);
    scanner.start();
    await scanner.flush();
    expect(asked.map((c) => c.length)).toEqual([MAX_HOSTS_PER_REQUEST, MAX_HOSTS_PER_REQUEST, 501]); // + the base host
  });

  it('changes nothing in the DOM when no host is dangerous', async () => {
    const html = '<p><a href="https://a.test/">a</a><a href="https://b.test/">b</a></p>';
    const { scanner, marked } = setup(html);
    const before = document.body.innerHTML;
    scanner.start();
    await scanner.flush();
    expect(marked).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('reports every element that links to a dangerous host', async () => {
    const { scanner, marked } = setup(
      '<a id="x" href="https://evil.test/a">1</a><a id="y" href="https://evil.test/b">2</a><a href="https://ok.test/">3</a>',
      ['evil.test'],
    );
    scanner.start();
    await scanner.flush();
    expect(marked.flat().map((e) => e.id)).toEqual(['x', 'y']);
    expect(scanner.dangerous.get('evil.test')).toEqual({ host: 'evil.test', finding: BLOCKED, mark: 'to evil.test' });
  });

  it('asks about every host again on a rescan (what judges hosts changed) and reports the ones dangerous now', async () => {
    const dangerous: string[] = [];
    const { scanner, asked, marked } = setup('<a id="x" href="https://northwindbank-login.test/">1</a><a href="https://ok.test/">2</a>', dangerous);
    scanner.start();
    await scanner.flush();
    expect(marked).toEqual([]);
    dangerous.push('northwindbank-login.test');
    scanner.rescan();
    await scanner.flush();
    expect(asked.at(-1)).toEqual(expect.arrayContaining(['northwindbank-login.test', 'ok.test']));
    expect(marked.flat().map((e) => e.id)).toEqual(['x']);
  });

  it('clears a host the worker, asked again, no longer calls dangerous; one it cannot answer for stays dangerous', async () => {
    const dangerous = ['evil.test'];
    const { scanner, cleared } = setup('<a id="x" href="https://evil.test/">1</a>', dangerous);
    scanner.start();
    await scanner.flush();
    expect(scanner.dangerous.has('evil.test')).toBe(true);
    dangerous.length = 0; // unlisted meanwhile
    scanner.rescan();
    await scanner.flush();
    expect(cleared).toEqual([['evil.test']]);
    expect(scanner.dangerous.has('evil.test')).toBe(false);
    expect(scanner.findingFor(document.getElementById('x')!)).toBeNull();
  });

  it('handles links added later in one batch, asking new hosts only', async () => {
    const { scanner, asked, marked, runQueued } = setup('<a href="https://evil.test/">e</a>', ['evil.test', 'late.test']);
    scanner.start();
    await scanner.flush();
    expect(asked).toEqual([['localhost', 'evil.test']]);
    const box = document.createElement('div');
    box.innerHTML = '<a id="again" href="https://evil.test/2">again</a><a id="late" href="https://late.test/">late</a>';
    document.body.append(box);
    const moved = document.createElement('a');
    moved.href = 'https://late.test/other';
    moved.id = 'late2';
    document.body.append(moved);
    await vi.waitFor(() => expect(runQueued).toBeDefined());
    await new Promise((r) => setTimeout(r, 0)); // let MutationObserver deliver
    runQueued();
    await scanner.flush();
    expect(asked).toEqual([['localhost', 'evil.test'], ['late.test']]);
    expect(marked.flat().map((e) => e.id).sort()).toEqual(['', 'again', 'late', 'late2']);
  });

  it('marks a link added while its host is being asked, once the answer comes', async () => {
    document.body.innerHTML = '<a id="first" href="https://evil.test/1">1</a>';
    let answer: (r: DangerousHost[]) => void = () => {};
    const asked: string[][] = [];
    const marked: string[] = [];
    const scanner = new LinkScanner(document, {
      onCleared: () => {},
      checkHosts: (hosts) => {
        asked.push(hosts);
        return new Promise((resolve) => (answer = resolve));
      },
      onDangerous: (els) => marked.push(...els.map((e) => e.id)),
      schedule: () => {},
    });
    scanner.start();
    const first = scanner.flush(); // in flight
    document.body.insertAdjacentHTML('beforeend', '<a id="second" href="https://evil.test/2">2</a>');
    await new Promise((r) => setTimeout(r, 0)); // MutationObserver delivers
    await scanner.flush(); // nothing new to ask: evil.test is in flight
    expect(asked).toEqual([['localhost', 'evil.test']]);
    answer([{ host: 'evil.test', finding: BLOCKED, mark: 'to evil.test' }]);
    await first;
    expect(marked.sort()).toEqual(['first', 'second']);
  });

  it('scans links in open shadow roots once a deep pass hands them over, and watches them', async () => {
    const { scanner, asked, marked } = setup('<div id="host"></div>', ['evil.test', 'later.test']);
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<a id="in-shadow" href="https://evil.test/x">x</a>';
    scanner.start();
    await scanner.flush();
    expect(asked.flat()).not.toContain('evil.test'); // not visible to the document scan
    scanner.addShadowRoots(deepShadowRoots(document));
    scanner.addShadowRoots(deepShadowRoots(document)); // a second pass adds nothing
    await scanner.flush();
    expect(marked.flat().map((e) => e.id)).toEqual(['in-shadow']);
    const added = document.createElement('a');
    added.id = 'added';
    added.href = 'https://later.test/';
    root.append(added);
    await new Promise((r) => setTimeout(r, 0));
    await scanner.flush();
    expect(marked.flat().map((e) => e.id)).toEqual(['in-shadow', 'added']);
    expect(asked.flat().filter((h) => h === 'evil.test')).toHaveLength(1);
  });

  it('notices an href changed to a dangerous host', async () => {
    const { scanner, marked } = setup('<a id="a" href="https://ok.test/">a</a>', ['evil.test']);
    scanner.start();
    await scanner.flush();
    document.getElementById('a')!.setAttribute('href', 'https://evil.test/');
    await new Promise((r) => setTimeout(r, 0));
    await scanner.flush();
    expect(marked.flat().map((e) => e.id)).toEqual(['a']);
  });

  it('marks relative links when a <base href> points to a dangerous host', async () => {
    const base = document.createElement('base');
    base.href = 'https://evil.test/';
    document.head.append(base);
    try {
      const { scanner, marked } = setup('<a id="rel" href="page.html">r</a><a id="abs" href="https://ok.test/">ok</a>', ['evil.test']);
      scanner.start();
      await scanner.flush();
      expect(marked.flat().map((e) => e.id)).toEqual(['rel']);
    } finally {
      base.remove();
    }
  });

  it('does not read relative links one by one', async () => {
    const { scanner, asked } = setup('<a href="/a">a</a><a href="b.html">b</a><a href="#c">c</a>');
    const spy = vi.spyOn(Element.prototype, 'getAttribute');
    scanner.start();
    expect(spy).not.toHaveBeenCalledWith('href');
    spy.mockRestore();
    await scanner.flush();
    expect(asked).toEqual([['localhost']]);
  });

  it('retries hosts when the worker is unreachable', async () => {
    document.body.innerHTML = '<a href="https://a.test/">a</a>';
    let fail = true;
    const asked: string[][] = [];
    const scanner = new LinkScanner(document, {
      onCleared: () => {},
      checkHosts: async (hosts) => {
        asked.push(hosts);
        if (fail) throw new Error('worker gone');
        return [];
      },
      onDangerous: () => {},
      schedule: () => {},
    });
    scanner.start();
    await scanner.flush();
    fail = false;
    document.body.insertAdjacentHTML('beforeend', '<a href="https://a.test/again">a</a>');
    await new Promise((r) => setTimeout(r, 0));
    await scanner.flush();
    expect(asked).toEqual([['localhost', 'a.test'], ['localhost', 'a.test']]);
  });
});
