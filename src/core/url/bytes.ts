// Byte-level helpers for Safe Browsing canonicalisation. The document works
// on octets, so the pipeline carries a "byte string": a JS string whose every
// code unit is one byte (0..255). Only ASCII-clean input skips the copying.

/**
 * Text -> byte string. Characters are UTF-8 encoded, except U+0080..U+009F:
 * those C1 controls never occur in real text, only when raw octets were read
 * as Latin-1, which is how the document's `http://\x01\x80.com/` vector is
 * written, so they stand for the single octet.
 */
export function toByteString(text: string): string {
  if (isAscii(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0) {
      out += text[i];
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    // A lone surrogate has no UTF-8 form: encode U+FFFD as TextEncoder does.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    out += utf8(cp);
  }
  return out;
}

function utf8(cp: number): string {
  const b = String.fromCharCode;
  if (cp < 0x800) return b(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  if (cp < 0x10000) return b(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  return b(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

const NON_ASCII = /[^\x00-\x7f]/;

export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Byte string -> text, or null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: string): string | null {
  const arr = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i);
  try {
    return utf8Decoder.decode(arr);
  } catch {
    return null;
  }
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/** Repeatedly percent-unescapes until no `%XX` remains. */
export function unescapeFully(s: string): string {
  if (s.indexOf('%') < 0) return s;
  const once = unescapeOnce(s);
  return once.length < s.length && hasEscape(once) ? unescapeToFixedPoint(once) : once;
}

/** One left-to-right pass, copying the runs between escapes. */
function unescapeOnce(s: string): string {
  let out = '';
  let from = 0;
  for (let i = s.indexOf('%'); i >= 0 && i + 2 < s.length; i = s.indexOf('%', i + 1)) {
    const hi = hexValue(s.charCodeAt(i + 1));
    const lo = hexValue(s.charCodeAt(i + 2));
    if (hi < 0 || lo < 0) continue;
    out += s.slice(from, i) + String.fromCharCode(hi * 16 + lo);
    from = i + 3;
    i += 2;
  }
  return from === 0 ? s : out + s.slice(from);
}

function hasEscape(s: string): boolean {
  for (let i = s.indexOf('%'); i >= 0 && i + 2 < s.length; i = s.indexOf('%', i + 1)) {
    if (hexValue(s.charCodeAt(i + 1)) >= 0 && hexValue(s.charCodeAt(i + 2)) >= 0) return true;
  }
  return false;
}

/**
 * The general case (`%2525...`) in one linear pass: a decoded byte can only
 * complete a new escape with the two characters before it, so checking the
 * tail of the output after each decode reaches the same fixed point as
 * re-scanning the whole string (escapes never overlap).
 */
function unescapeToFixedPoint(s: string): string {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    out.push(s.charCodeAt(i));
    for (;;) {
      const n = out.length;
      if (n < 3 || out[n - 3] !== 0x25) break;
      const hi = hexValue(out[n - 2]!);
      const lo = hexValue(out[n - 1]!);
      if (hi < 0 || lo < 0) break;
      out.length = n - 3;
      out.push(hi * 16 + lo);
    }
  }
  let text = '';
  for (let i = 0; i < out.length; i += 8192) {
    text += String.fromCharCode(...out.slice(i, i + 8192));
  }
  return text;
}

const MUST_ESCAPE = /[\x00-\x20\x7f-\xff#%]/g;
/** Byte -> its escape, or null when it stays as is. */
const ESCAPES: readonly (string | null)[] = Array.from({ length: 256 }, (_, c) =>
  c <= 0x20 || c >= 0x7f || c === 0x23 || c === 0x25 ? '%' + c.toString(16).toUpperCase().padStart(2, '0') : null,
);

/** Escapes bytes <= 0x20, >= 0x7f, `#` and `%` with uppercase hex, as the document requires. */
export function escapeBytes(bytes: string): string {
  MUST_ESCAPE.lastIndex = 0;
  let m = MUST_ESCAPE.exec(bytes);
  if (m === null) return bytes;
  let out = '';
  let from = 0;
  // The regex skips the clean runs natively, much faster than a charCodeAt loop.
  for (; m !== null; m = MUST_ESCAPE.exec(bytes)) {
    out += bytes.slice(from, m.index) + ESCAPES[bytes.charCodeAt(m.index)]!;
    from = m.index + 1;
  }
  return out + bytes.slice(from);
}

/** Lower-cases ASCII letters only: other bytes are octets, not Latin-1 letters. */
export function asciiLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s;
}
