import { describe, expect, it } from 'vitest';
import { isDottedQuad, normalizeIpv6, parseIpv4 } from '../../../src/core/url/ip.ts';
import { IPV4_VECTORS } from './sb-vectors.ts';

describe('parseIpv4', () => {
  it.each(IPV4_VECTORS)('%s -> %s', (input, quad) => {
    expect(parseIpv4(input)).toBe(quad);
  });
  it('agrees with the WHATWG parser on the spellings browsers accept', () => {
    for (const host of ['0x', '0x.0x.0x.0x', '1.0x100', '0377.0xff.255.1', '1.16777215', '00', '4294967295']) {
      expect(parseIpv4(host)).toBe(new URL(`http://${host}/`).hostname);
    }
  });
  it.each(['123.123.0.0.1', '1.2.3.00x0', '256.1.1.1', '1.2.3.256', '4294967296', '1.2.3.08', '1.2.3.', 'a.1', '1.2.3.4 xy', '0xg'])(
    'refuses %j',
    (host) => {
      expect(parseIpv4(host)).toBeNull();
    },
  );
  it('isDottedQuad accepts only the canonical form', () => {
    expect(isDottedQuad('1.2.3.4')).toBe(true);
    expect(isDottedQuad('01.2.3.4')).toBe(false);
    expect(isDottedQuad('1.2.3')).toBe(false);
  });
});

describe('normalizeIpv6', () => {
  it.each([
    ['[2001:DB8:0:0:0:0:0:1]', '[2001:db8::1]'],
    ['[::1]', '[::1]'],
    ['[::ffff:1.2.3.4]', '1.2.3.4'],
    ['[::FFFF:0A00:0001]', '10.0.0.1'],
    ['[::1.2.3.4]', '[::102:304]'],
  ])('%s -> %s', (input, out) => {
    expect(normalizeIpv6(input)).toBe(out);
  });
  it.each(['[1:2:3:4:5:6:7:8:9]', '[evil.com]', '[::1', '[]', '[:::]'])('refuses %j', (input) => {
    expect(normalizeIpv6(input)).toBeNull();
  });
});
