// @vitest-environment happy-dom
// The deep pass finds the page's closed shadow roots through the browser's
// lookup (stubbed here as Chromium's chrome.dom), asks it only of elements that
// can host a root, and never returns the roots of our own UI.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dom } from '../../../src/content/dom-refs.ts';
import { deepShadowRoots } from '../../../src/content/page-roots.ts';

/** Closed roots made by "the page", found by the stub as chrome.dom would. */
function stubChromeDom(): { closed: Map<Element, ShadowRoot>; asked: string[] } {
  const closed = new Map<Element, ShadowRoot>();
  const asked: string[] = [];
  vi.stubGlobal('chrome', {
    dom: {
      openOrClosedShadowRoot: (el: Element) => {
        asked.push(el.localName);
        return el.shadowRoot ?? closed.get(el) ?? null;
      },
    },
  });
  return { closed, asked };
}

function closedRoot(host: Element, closed: Map<Element, ShadowRoot>, html: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = html;
  closed.set(host, root);
  return root;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('deepShadowRoots', () => {
  it('finds closed roots, nested in open and closed ones', () => {
    const { closed } = stubChromeDom();
    document.body.innerHTML = '<promo-card id="a"></promo-card><div id="b"></div>';
    const a = closedRoot(document.getElementById('a')!, closed, '<span id="inner"></span>');
    const b = document.getElementById('b')!.attachShadow({ mode: 'open' });
    b.innerHTML = '<section id="deep"></section>';
    const inner = closedRoot(a.getElementById('inner')!, closed, '<a href="http://evil.test/">x</a>');
    const deep = closedRoot(b.getElementById('deep')!, closed, '<a href="http://evil.test/">y</a>');
    expect(new Set(deepShadowRoots(document))).toEqual(new Set([a, inner, b, deep]));
  });

  it('asks the browser only of elements that can host a shadow root', () => {
    const { asked } = stubChromeDom();
    document.body.innerHTML = '<a href="/x">x</a><img alt=""><input><ul><li>1</li></ul><div></div><x-card></x-card>';
    deepShadowRoots(document);
    expect(asked.sort()).toEqual(['body', 'div', 'x-card']);
  });

  it('leaves out the roots of our own UI', () => {
    const { closed } = stubChromeDom();
    document.body.innerHTML = '<span id="mark"></span><div id="page"></div>';
    const mark = document.getElementById('mark')!;
    closed.set(mark, dom.closedShadow(mark));
    const page = closedRoot(document.getElementById('page')!, closed, '');
    expect(deepShadowRoots(document)).toEqual([page]);
  });

  it('finds open roots without the browser lookup (unit DOMs, older browsers)', () => {
    document.body.innerHTML = '<div id="o"></div>';
    const open = document.getElementById('o')!.attachShadow({ mode: 'open' });
    expect(deepShadowRoots(document)).toEqual([open]);
  });
});
