import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiLower, decodeUtf8, escapeBytes, toByteString, unescapeFully } from '../../../src/core/url/bytes.ts';

/** The document's definition, literally: unescape until nothing changes. */
function unescapeNaively(s: string): string {
  for (;;) {
    const next = s.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (next === s) return s;
    s = next;
  }
}

describe('toByteString', () => {
  it('UTF-8 encodes text, surrogate pairs included', () => {
    expect(toByteString('aü€😀')).toBe('a\xc3\xbc\xe2\x82\xac\xf0\x9f\x98\x80');
  });
  it('reads C1 controls as the raw octets they stand for', () => {
    expect(toByteString('\x01\x80\x9f')).toBe('\x01\x80\x9f');
  });
  it('encodes a lone surrogate as U+FFFD', () => {
    expect(toByteString('\ud800x')).toBe('\xef\xbf\xbdx');
  });
  it('round-trips text without C1 controls through decodeUtf8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(!/[\x80-\x9f]/.test(s));
        expect(decodeUtf8(toByteString(s))).toBe(s);
      }),
    );
  });
  it('decodeUtf8 refuses invalid UTF-8', () => {
    expect(decodeUtf8('\x80')).toBeNull();
  });
});

describe('unescapeFully', () => {
  it.each([
    ['%2525252525252525', '%'],
    ['%%%25%32%35asd%%', '%%%asd%%'],
    ['%252%35', '%'],
    ['%zz%4', '%zz%4'],
    ['%C3%BC', '\xc3\xbc'],
  ])('%s -> %j', (input, out) => {
    expect(unescapeFully(input)).toBe(out);
  });
  it('reaches the same fixed point as unescaping until nothing changes', () => {
    const unit = fc.constantFrom('%', '2', '5', 'a', 'F', 'g', '4', '1', '/');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        expect(unescapeFully(s)).toBe(unescapeNaively(s));
      }),
      { numRuns: 2000 },
    );
  });
  it('handles long escape chains in one pass', () => {
    expect(unescapeNaively('%25%25%2541')).toBe('%%A');
    const start = performance.now();
    expect(unescapeFully('%25'.repeat(50_000) + '41')).toBe('%'.repeat(49_999) + 'A');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('escapeBytes and asciiLower', () => {
  it('escapes <= 0x20, >= 0x7f, # and % in uppercase hex, nothing else', () => {
    expect(escapeBytes('a b\x00#%\x7f\xff~!*')).toBe('a%20b%00%23%25%7F%FF~!*');
  });
  it('lower-cases ASCII letters only', () => {
    expect(asciiLower('AbC\xc0\xdd')).toBe('abc\xc0\xdd');
  });
});
