// A listed IP address reached through a host name: the name is learned
// (once, up to a cap) and the lists reload, so it is blocked like an entry
// from then on. Names already listed, IP literals, addresses not listed and
// hosts the user continued to are left alone.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const names: string[] = [];
const allows = new Set<string>();
vi.mock('../../../src/platform/address-names.ts', () => ({
  addAddressName: async (entry: string, max: number) => {
    if (names.includes(entry) || names.length >= max) return false;
    names.push(entry);
    return true;
  },
}));
vi.mock('../../../src/platform/allowed-hosts.ts', () => ({ sessionAllowedHosts: async () => new Set(allows) }));
const invalidate = vi.fn(async () => undefined);
const LISTED = ['http://203.0.113.9/', 'http://[2001:db8::9]/', 'http://listed.test/'];
vi.mock('../../../src/background/state.ts', () => ({
  invalidate,
  state: async () => ({ engine: { lookup: async (url: string) => ({ verdict: LISTED.some((l) => url.startsWith(l)) ? 'warn' : 'allow' }) } }),
}));

const { guardAddress, MAX_ADDRESS_NAMES } = await import('../../../src/background/address-guard.ts');
const settle = () => new Promise((r) => setTimeout(r, 250));

beforeEach(() => {
  names.length = 0;
  allows.clear();
  invalidate.mockClear();
});

describe('guardAddress', () => {
  it('learns a name that led to a listed IPv4 or IPv6 address, and reloads the lists once for names learned together', async () => {
    await guardAddress({ url: 'http://named.test/login', ip: '203.0.113.9' });
    await guardAddress({ url: 'https://other.test/', ip: '2001:db8::9' });
    await guardAddress({ url: 'http://named.test/again', ip: '203.0.113.9' });
    expect(names).toEqual(['named.test/', 'other.test/']);
    await settle();
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('leaves alone: an address not listed, a name listed already, an IP literal, a host the user continued to', async () => {
    await guardAddress({ url: 'http://named.test/', ip: '198.51.100.1' });
    await guardAddress({ url: 'http://listed.test/', ip: '203.0.113.9' });
    await guardAddress({ url: 'http://203.0.113.9/', ip: '203.0.113.9' });
    await guardAddress({ url: 'http://[2001:db8::9]/', ip: '2001:db8::9' });
    allows.add('continued.test');
    await guardAddress({ url: 'http://continued.test/', ip: '203.0.113.9' });
    expect(names).toEqual([]);
    await settle();
    expect(invalidate).not.toHaveBeenCalled();
  });

  it(`learns at most ${MAX_ADDRESS_NAMES} names a session (a page making up names cannot keep the worker reloading)`, async () => {
    for (let i = 0; i < MAX_ADDRESS_NAMES + 5; i++) await guardAddress({ url: `http://n${i}.test/`, ip: '203.0.113.9' });
    expect(names).toHaveLength(MAX_ADDRESS_NAMES);
  });
});
