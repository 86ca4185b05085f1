import { describe, expect, it } from 'vitest';
import { isOwned } from '../../../src/core/lookalike/ownership.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import BRANDS from '../../../src/core/lookalike/brands.json' with { type: 'json' };
import { index, parts } from './rules.helpers.ts';

describe('brand ownership (brands.json)', () => {
  it.each(['microsofttranslator.com', 's-microsoft.com', 'beacons-google.com', 'facebookmail.com', 'storage-yahoo.jp'])(
    'the issue-14 false alarm %s is owned, with its subdomains',
    (domain) => {
      expect(isOwned(index, parts(domain))).toBe(true);
      expect(lookalike(index, `www.${domain}`)).toBeNull();
    },
  );

  it.each([
    'login.microsoftonline.us', 'x.windows.net', 'www.googledomains.com', 'groups.googlegroups.com', 'google.org',
    'apple.co', 'www.appstore.com', 'm.me', 'wa.me', 'threads.net', 'github.blog', 'github.dev', 'venmo.com',
    'login.yandex.st', 'yandex.cloud', 'auth0.com', 'kakaogames.com', 'ncloud.com', 'rocketmail.com', 'amazon.jobs',
    'clientconfig.microsoftonline-p.net', 'x.microsoftusercontent.com', 'appsto.re', 'sellercentral.amazonservices.com',
    // Confirmed by Ghostery TrackerDB's organisation mapping (SOURCES.md).
    'pay.amazonpay.com', 'static-na.payments-amazon.com', 'assoc-amazon.co.uk', 'assoc-amazon.jp', 'googleanalytics.com',
  ])('a well-known domain its brand owns is owned: %s', (host) => {
    expect(isOwned(index, parts(host))).toBe(true);
    expect(lookalike(index, host)).toBeNull();
  });

  it.each(['cool--web-de.translate.goog', 'blog.google', 'about.google', 'www.apple'])('a name under a brand\'s own top-level domain is owned: %s', (host) => {
    expect(isOwned(index, parts(host))).toBe(true);
    expect(lookalike(index, host)).toBeNull();
  });

  it('a brand TLD owns only names under it, not a name that ends in its letters', () => {
    expect(isOwned(index, parts('google.goog.evil.com'))).toBe(false);
  });

  it('a user site on an owned parent that the Public Suffix List knows as shared is not the owner', () => {
    expect(isOwned(index, parts('paypal-login.z13.web.core.windows.net'))).toBe(false);
  });

  it('a site on an owned shared host is not the owner', () => {
    expect(isOwned(index, parts('paypal-login.s3.amazonaws.com'))).toBe(false);
  });

  it('every brand has a name and a domain to protect, and no domain has two owners', () => {
    const seen = new Map<string, string>();
    for (const b of BRANDS) {
      expect(b.brand).toBeTruthy();
      expect(b.imitated.length).toBeGreaterThan(0);
      for (const d of [...b.imitated, ...(b.owned ?? [])]) {
        expect(seen.get(d), d).toBeUndefined();
        seen.set(d, b.brand);
      }
    }
  });
});
