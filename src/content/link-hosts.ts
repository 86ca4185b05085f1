// Host extraction for link-like elements, built for speed: a page with 10,000
// links must scan in a few milliseconds. Measured in Chromium 156, reading
// `a.hostname` or `a.href` re-parses the URL on every access (2-5 µs per
// link: 20-57 ms for 10,000), so the raw attribute is read instead and two
// unambiguous shapes are recognised as plain strings:
//   relative      `#x`, `?q`, `/path`, `page.html`     -> the document base host
//   clean absolute `https://host.example:8080/...`     -> host, lowercased
// Anything else (leading spaces or controls, tabs or newlines that the URL
// parser strips, backslashes, userinfo, percent-escapes, non-ASCII, numeric
// hosts the parser rewrites as IPv4) takes the exact path: `new URL`, the
// browser's own parser, so a hostile page cannot craft an href that we read
// differently from the browser.

export const LINK_SELECTOR = 'a[href],area[href],form[action],iframe[src],frame[src]';

/**
 * The subset of LINK_SELECTOR that can lead away from the document base. An
 * href without `:` (no scheme), `//` (no authority), backslash, tab, CR or LF
 * (which the URL parser turns into slashes or strips) is a relative path, so
 * it resolves to the base host. Filtering those out in the browser's
 * selector engine spares a per-link DOM call for most links of most pages
 * (measured: each such call costs about 1-2 µs in a Chromium isolated world).
 */
export const OFF_BASE_SELECTOR = [
  // Without a tag: each tag or attribute test costs ~0.25 ms per 10,000
  // elements; the few other elements with an href are skipped by attrOf.
  ...[':', '//', '\\\\', '\\9 ', '\\a ', '\\d '].map((s) => `[href*="${s}"]`),
  'form[action]',
  'iframe[src]',
  'frame[src]',
].join(',');

/** The document base, computed once per scan. */
export interface Base {
  url: string;
  /** Host of `url` when it is http(s), else ''. */
  host: string;
}

export function baseOf(doc: Document): Base {
  const url = doc.baseURI;
  return { url, host: hostOfUrl(url) ?? '' };
}

/**
 * True when `href` certainly resolves against the document base: it starts
 * with `#`, `?`, a single `/`, or a path segment without a scheme colon.
 */
export function isPlainRelative(href: string): boolean {
  if (href === '' || /[\t\n\r\\]/.test(href)) return false;
  const c = href.charCodeAt(0);
  if (c === 35 /* # */ || c === 63 /* ? */) return true;
  if (c === 47 /* / */) return href.charCodeAt(1) !== 47;
  if (c <= 32) return false;
  const end = href.search(/[/?#]/);
  return !(end === -1 ? href : href.slice(0, end)).includes(':');
}

const CLEAN_ABSOLUTE = /^(?:(https?):)?\/\/([a-z0-9.-]+)(?:[/?#]|$)/i;
const OTHER_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** The URL parser turns hosts whose last label is a number into IPv4 addresses. */
const NUMERIC_TAIL = /(?:^|\.)(?:\d+|0x[0-9a-f]*)\.?$/i;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * An ASCII host the URL parser keeps as it is: not empty, no trailing dot,
 * last label not starting with a digit (IPv4 rewriting), no `xn--` label
 * (IDNA validation may reject it).
 */
function isSimpleHost(host: string): boolean {
  if (host === '' || host.endsWith('.') || host.includes('xn--')) return false;
  return !isDigit(host.charCodeAt(host.lastIndexOf('.') + 1));
}

/**
 * Authorities already read on this page (as written, port included) -> host.
 * A page links to few hosts many times; a lookup costs less than even the
 * one regular expression below (measured: ~0.5 ms less on 3,000 links).
 */
export type HostCache = Map<string, string>;

/**
 * The authority of the common case: a host the URL parser keeps as it is
 * (lowercase ASCII labels, no `xn--` label, whose IDNA validation may reject
 * it, last label not starting with a digit, which would make it IPv4) and an
 * optional port. Anything else (uppercase, userinfo, `?` or `#` before any
 * `/`, backslashes...) takes the exact path.
 */
const PLAIN_AUTHORITY = /^(?!.*xn--)((?:[a-z0-9-]+\.)*[a-z-][a-z0-9-]*)(?::(\d{1,5}))?$/;

/** The host of a lowercase `http(s)://` URL with a plain authority (see PLAIN_AUTHORITY), else undefined. */
export function plainAbsoluteHost(href: string, cache?: HostCache): string | undefined {
  const start = href.startsWith('https://') ? 8 : href.startsWith('http://') ? 7 : 0;
  if (start === 0) return undefined;
  const end = href.indexOf('/', start);
  const authority = end === -1 ? href.slice(start) : href.slice(start, end);
  const known = cache?.get(authority);
  if (known !== undefined) return known;
  const m = PLAIN_AUTHORITY.exec(authority);
  if (m === null || (m[2] !== undefined && Number(m[2]) > 65535)) return undefined; // > 65535: invalid URL
  cache?.set(authority, m[1]!);
  return m[1];
}

/**
 * Host of `href` if it can be read without parsing: a string for http(s),
 * null for certainly-not-http(s) (mailto:, javascript:), undefined when only
 * the real parser can tell.
 */
export function quickHost(href: string, base: Base, cache?: HostCache): string | null | undefined {
  const plain = plainAbsoluteHost(href, cache);
  if (plain !== undefined) return plain;
  if (isPlainRelative(href)) return base.host || null;
  if (/[\t\n\r\\]/.test(href)) return undefined;
  const m = CLEAN_ABSOLUTE.exec(href);
  if (m) {
    const host = (m[2] ?? '').toLowerCase();
    if (!isSimpleHost(host) || NUMERIC_TAIL.test(host)) return undefined;
    if (m[1] === undefined && !base.host) return undefined; // scheme-relative on a non-http base
    return host;
  }
  const scheme = OTHER_SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return null;
  return undefined;
}

const HTTP_HOST = /^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i;

/** Host of a serialized absolute URL (as `new URL().href` returns it). */
export function hostOfUrl(url: string): string | null {
  const m = HTTP_HOST.exec(url);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Host of `url` resolved against `base`, http(s) only, by the browser's parser. */
export function resolveHost(url: string, base: string): string | null {
  try {
    return hostOfUrl(new URL(url, base).href);
  } catch {
    return null;
  }
}

/** The http(s) host an href points to, or null. */
export function hostOfHref(href: string, base: Base, cache?: HostCache): string | null {
  const quick = quickHost(href, base, cache);
  return quick === undefined ? resolveHost(href, base.url) : quick;
}

/** The attribute that holds a link-like element's URL. */
export type LinkAttr = 'href' | 'action' | 'src';

/**
 * The URL attribute of a link-like element, null for other elements.
 * By prototype first: `instanceof` is plain JavaScript, while reading the tag
 * name is a DOM call (about 0.5 µs in a Chromium isolated world). An element
 * from another frame has that frame's prototypes, hence the tag-name fallback.
 */
export function attrOf(el: Element): LinkAttr | null {
  if (el instanceof HTMLAnchorElement || el instanceof HTMLAreaElement) return 'href';
  if (el instanceof HTMLFormElement) return 'action';
  if (el instanceof HTMLIFrameElement) return 'src';
  return LINK_ATTRS.get(el.localName) ?? null;
}

/** By tag name (SVG <a>, <frame>, elements of other frames); other tags are no links. */
const LINK_ATTRS = new Map<string, LinkAttr>([
  ['a', 'href'],
  ['area', 'href'],
  ['form', 'action'],
  ['iframe', 'src'],
  ['frame', 'src'],
]);

/** The http(s) host that the value of a link-like element's `attr` points to, or null. */
export function hostOfAttr(raw: string | null, attr: LinkAttr, base: Base, cache?: HostCache): string | null {
  if (raw === null) return null;
  // An empty action submits to the document itself.
  return hostOfHref(raw === '' && attr === 'action' ? base.url : raw, base, cache);
}

/**
 * The http(s) host a link-like element points to, or null. Attributes, not
 * properties: `form.action` is clobbered by an `<input name="action">`.
 */
export function hostOfElement(el: Element, base: Base, cache?: HostCache): string | null {
  const attr = attrOf(el);
  return attr && hostOfAttr(el.getAttribute(attr), attr, base, cache);
}
