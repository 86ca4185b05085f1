import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { freeHostOf, isFreeEnding } from '../../../src/core/lookalike/free-host.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

describe('free hosts the Public Suffix List does not know as shared', () => {
  it('finds the longest listed parent with a site name left of it', () => {
    const free = (host: string) => {
      const p = parse(host, { allowPrivateDomains: true });
      return freeHostOf(host, p.domain ?? '', p.publicSuffix ?? '');
    };
    expect(free('naver.hol.es')).toBe('hol.es');
    expect(free('a.b.pe.hu')).toBe('pe.hu');
    expect(free('naver.ddns.net')).toBe('ddns.net'); // a PSL private suffix
    expect(free('0utlookwebapp.editor.multiscreensite.com')).toBe('editor.multiscreensite.com');
    expect(free('pe.hu')).toBeNull();
    expect(free('example.hu')).toBeNull();
    expect(free('editor.multiscreensite.com')).toBeNull();
    expect(free('www.multiscreensite.com')).toBeNull();
  });

  it('makes each site its own registrable domain', () => {
    expect(parts('member.navier.pe.hu')).toMatchObject({ domain: 'navier.pe.hu', suffix: 'pe.hu', label: 'navier', subTokens: ['member'], freeHost: true, privateSuffix: true });
    expect(parts('naver.com')).toMatchObject({ domain: 'naver.com', freeHost: false });
    // The Korean free DNS's other names, 000webhost's web44.net, AwardSpace's *ontheweb.net (ninth pass).
    for (const host of ['update.naver-logs.r-e.kr', 'daum.otpsystem.p-e.kr', 'app.firmware.o-r.kr', 'fcbook.web44.net', 'g00gledrive.sportsontheweb.net', 'x.10001mb.com']) {
      expect(parts(host).freeHost).toBe(true);
    }
  });

  it.each([
    ['naver.hol.es', 'naver.com', 'subdomain'],
    ['naver.serveblog.net', 'naver.com', 'subdomain'], // known to the PSL as private, still no brand's page
    ['microsoftonline.7m.pl', 'microsoftonline.com', 'subdomain'],
    ['daumlogin.esy.es', 'daum.net', 'embedded-brand'],
    ['member.navier.pe.hu', 'naver.com', 'edit-distance'], // a free host is a lure: one edit for a short brand
    ['paypal.weebly.com', 'paypal.com', 'subdomain'], // site builders' free sites
    ['securefacebookteam2.000webhostapp.com', 'facebook.com', 'embedded-brand'], // a brand anywhere in a free site's name
    ['paypal-login.000webhostapp.com', 'paypal.com', 'embedded-brand'], // issue 14's, read as a site of its own
    ['paypal-login.weebly.com', 'paypal.com', 'embedded-brand'],
    ['instagram.irancell-10g-free.rf.gd', 'instagram.com', 'subdomain'],
    ['mylinkedinprofile.hopto.org', 'linkedin.com', 'embedded-brand'], // free dynamic DNS
    ['statment-limitpaypl.myvnc.com', 'paypal.com', 'embedded-brand'], // No-IP's: a slipped brand anywhere in a free site's name
    ['naverkorea.at.ua', 'naver.com', 'embedded-brand'], // uCoz's free sites
  ])('%s imitates %s (%s)', (host, imitates, rule) => {
    expect(lookalike(index, host)).toMatchObject({ imitates, rule });
  });

  it('leaves PSL shared hosts that may be the brand page alone', () => {
    expect(lookalike(index, 'microsoft.github.io')).toBeNull();
    expect(lookalike(index, 'naver.github.io')).toBeNull();
    expect(lookalike(index, 'portfolio.hol.es')).toBeNull();
    expect(lookalike(index, 'portfolio.weebly.com')).toBeNull();
    expect(lookalike(index, 'microsoft.azurewebsites.net')).toBeNull();
    expect(lookalike(index, 'github-readme-stats.vercel.app')).toBeNull(); // developers' platforms are no free hosts here
    expect(lookalike(index, 'goooogle.flu.cc')).toBeNull(); // nor the free subdomain services throwaway mail uses
  });

  it('knows the free endings', () => {
    expect(isFreeEnding('cf')).toBe(true);
    expect(isFreeEnding('com')).toBe(false);
  });
});

describe('free endings', () => {
  it.each([
    ['instagram.metafinal.cf', 'instagram.com'],
    ['static.facebook.metafinal.cf', 'facebook.com'],
    ['daum-vpn.ml', 'daum.net'], // a free ending is a lure next to a word brand
    ['daums.cf', 'daum.net'],
  ])('%s imitates %s', (host, imitates) => {
    expect(lookalike(index, host)).toMatchObject({ imitates });
  });

  it('a brand alone in front of an ordinary domain is still a customer space', () => {
    expect(lookalike(index, 'instagram.metafinal.com')).toBeNull();
    expect(lookalike(index, 'daum-vpn.com')).toBeNull();
  });
});
