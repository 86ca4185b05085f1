import { describe, expect, it } from 'vitest';
import { assessLookalike, lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';
import { DEFAULT_PROTECTED } from '../../../src/core/lookalike/protected-domains.ts';
import { LEGITIMATE_SIGN_IN_HOSTS, OWNED_INFRASTRUCTURE, UNRELATED } from './guard-domains.ts';

const index = buildProtectedIndex();

describe('skeleton rule', () => {
  it.each([
    ['xn--micrsoft-qbh.com', 'microsoft.com'], // Cyrillic о
    ['xn--80ak6aa92e.com', 'apple.com'], // all-Cyrillic аррӏе
    ['g00gle.com', 'google.com'],
    ['rnicrosoft.com', 'microsoft.com'],
    ['paypa1.com', 'paypal.com'],
    ['hotmai1.net', 'hotmail.com'],
    ['outl00k.com', 'outlook.com'],
    ['1ive.com', 'live.com'],
    ['MICR0SOFT.COM.', 'microsoft.com'],
    ['xn--nver-53d.com', 'naver.com'], // nаver with Cyrillic а
    ['xn--login-micrsoft-4zl.com', 'microsoft.com'], // Cyrillic о inside a token
  ])('%s imitates %s', (host, imitates) => {
    expect(lookalike(index, host)).toMatchObject({ imitates, rule: 'skeleton' });
  });
});

describe('edit-distance rule', () => {
  it.each([
    ['micosoft.com', 'microsoft.com'],
    ['microsfot.net', 'microsoft.com'],
    ['micorsoft.com', 'microsoft.com'], // two edits on a 9-letter label
    ['gogle.com', 'google.com'],
    ['naevr.com', 'naver.com'], // swap on a 5-letter label
    ['yahooo.com', 'yahoo.com'], // doubled letter
    ['dropbx.com', 'dropbox.com'],
    ['docusing.com', 'docusign.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(lookalike(index, host)).toMatchObject({ imitates, rule: 'edit-distance' });
  });

  it('does not fire one edit away on 5-letter labels', () => {
    for (const host of ['email.com', 'never.com', 'saver.com', 'apply.com', 'yahoa.com']) {
      expect(lookalike(index, host), host).toBeNull();
    }
  });
});

describe('embedded-brand rule', () => {
  it.each([
    ['login-microsoft-verify.com', 'microsoft.com'],
    ['microsoft-365-login.xyz', 'microsoft.com'],
    ['outlook.com.evil.net', 'outlook.com'],
    ['login.microsoftonline.com.evil.net', 'microsoftonline.com'],
    ['mymicrosoftaccount.net', 'microsoft.com'],
    ['login-microsoft.azurewebsites.net', 'microsoft.com'],
    ['office365-verify.firebaseapp.com', 'office365.com'],
    ['secure.paypal.com.verify.ru', 'paypal.com'],
    ['naver-login.com', 'naver.com'],
    ['kakao-account.net', 'kakao.com'],
    ['apple-id-verify.com', 'apple.com'], // word brand next to a sign-in word
    ['outlook-login.com', 'outlook.com'],
    ['live-com.net', 'live.com'],
    ['proton.me.evil.org', 'proton.me'],
  ])('%s imitates %s', (host, imitates) => {
    expect(lookalike(index, host)).toMatchObject({ imitates, rule: 'embedded-brand' });
  });
});

describe('never warns', () => {
  it.each(LEGITIMATE_SIGN_IN_HOSTS)('own sign-in host %s', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
  it.each(OWNED_INFRASTRUCTURE)('owned or own-label host %s', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
  it.each(UNRELATED)('unrelated host %s', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
  it.each(['192.168.1.1', '[::1]', 'localhost', 'intranet', ''])('non-domain %s', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
});

describe('admin protected domains', () => {
  it('adds targets on top of the defaults', () => {
    expect(assessLookalike('contos0.com', ['contoso.com'])).toMatchObject({ imitates: 'contoso.com', rule: 'skeleton' });
    expect(assessLookalike('contoso-login.net', ['sso.contoso.com'])).toMatchObject({
      imitates: 'contoso.com',
      rule: 'embedded-brand',
    });
    expect(assessLookalike('portal.contoso.com', ['contoso.com'])).toBeNull();
    expect(assessLookalike('g00gle.com', ['contoso.com'])).toMatchObject({ imitates: 'google.com', rule: 'skeleton' });
  });

  it('treats short admin labels as words', () => {
    expect(assessLookalike('acme-news.com', ['acme.com'])).toBeNull();
    expect(assessLookalike('acme.com.evil.net', ['acme.com'])).toMatchObject({ imitates: 'acme.com', rule: 'embedded-brand' });
  });

  it('can replace the defaults', () => {
    const only = buildProtectedIndex(['contoso.com'], []);
    expect(lookalike(only, 'g00gle.com')).toBeNull();
    expect(lookalike(only, 'contosso.com')).toMatchObject({ imitates: 'contoso.com', rule: 'edit-distance' });
  });
});

describe('bundled set', () => {
  it('never flags a bundled domain or its subdomains', () => {
    for (const group of DEFAULT_PROTECTED) {
      for (const domain of [...group.imitated, ...(group.owned ?? [])]) {
        for (const host of [domain, `www.${domain}`, `login.secure.${domain}`]) {
          expect(lookalike(index, host), host).toBeNull();
        }
      }
    }
  });
});

describe('after the eval grew (dev part)', () => {
  it.each([
    ['usernaver.com', 'naver.com'], // `rn` folds to `m`: the letters as written are read too
    ['nidnaver.net', 'naver.com'], // the brand's product word glued on
    ['goo-gle.bid', 'google.com'], // a distinctive brand split by a hyphen
    ['hot-mail.ml', 'hotmail.com'], // one built on a word, with a lure: a free ending (hot-mail.cf is a throwaway mail domain: excluded.tsv)
    ['drive.google.secureapp.tools', 'google.com'], // a product word names the brand in the subdomain
    ['login.outlook.kcrct.ml', 'outlook.com'], // a bare sign-in label lures for the subdomain rule
    ['daurn.pe.hu', 'daum.net'], // a misspelt brand as a subdomain label
    ['msn-center.uk', 'msn.com'], // a three-letter word brand next to a sign-in word
    ['msn-service.co', 'msn.com'],
    ['apple2fa.com', 'apple.com'], // two-factor sign-in is a credential word
    ['icloud2fa-verify.com', 'icloud.com'],
    ['apple-refund.com', 'apple.com'], // billing notices are bait for a plain brand
    ['apple-subscription-cancel.com', 'apple.com'],
    ['iforgot-apple.com', 'apple.com'], // Apple's password-reset service names the brand
  ])('%s imitates %s', (host, imitates) => {
    expect(lookalike(index, host)).toMatchObject({ imitates });
  });

  it.each(['hot-mail.com', 'modern-internet.com', 'secure.office-information-24.com', 'microsoft.eventionapp.com', 'msn-mail-free-12.dynv6.net', 'msn.cn', 'zoho-payments.com', 'react-native-apple-payment.com'])('%s stays quiet', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
});
