import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { byBrandLure } from '../../../src/core/lookalike/rule-brand-lure.ts';
import { index, parts } from './rules.helpers.ts';

const rule = (host: string) => byBrandLure(index, parts(host))?.imitates ?? null;

describe("a brand's names with its own notice words (rule-brand-lure.ts)", () => {
  it.each([
    ['facebookpagereview.com', 'facebook.com'],
    ['fbpage-help.com', 'facebook.com'],
    ['meta-verified-badge.com', 'facebook.com'],
    ['metaverifiedbadge.com', 'facebook.com'],
    ['page-appeal-meta.com', 'facebook.com'],
    ['fbcopyright.com', 'facebook.com'],
    ['pagereview-fb.com', 'facebook.com'],
    ['requiredfbcheckup.com', 'facebook.com'], // eval dev part
    ['instagram-page2024.com', 'instagram.com'],
    ['meta-page-review.com', 'facebook.com'], // two of Meta's own words, one next to meta
    ['fb-checkpoint-help.com', 'facebook.com'],
    ['metaaccountreview.com', 'facebook.com'], // one of Meta's own words and a sign-in word
    ['metaadsmanager.com', 'facebook.com'],
    ['facebookvideo-share.com', 'facebook.com'], // the brand's own features, with its own label
    ['facebooklite-download.com', 'facebook.com'],
    ['instagramstory-viewer.com', 'instagram.com'],
    ['facebokpagereview.com', 'facebook.com'], // a long name with one slip, as the typo rule reads it bare
    ['faecbookpagereview.com', 'facebook.com'],
    ['meta-verifed-badge.com', 'facebook.com'], // a notice word misspelt as lure words are
    ['metapagereveiw.com', 'facebook.com'],
    ['fb-copyright-report-100000435274935124.com', 'facebook.com'], // a notice word, a feature and the page's number
    ['facebokprofile.com', 'facebook.com'], // a feature with a (slipped) distinctive name
  ])('%s imitates %s', (host, domain) => {
    expect(rule(host)).toBe(domain);
    expect(lookalike(index, host)).toMatchObject({ imitates: domain, brand: 'Meta' });
  });

  it.each([
    'metareview.com', // meta: a strong word must stand next to it
    'meta-review.org',
    'metabusiness.com',
    'meta-page.com',
    'meta-business-suite.com', // business is anyone's word: one of Meta's own only
    'iggroup.com', // features count with the brand's own label, not an abbreviation (IG Group)
    'videoigdownload.com',
    'meta-events-group.com',
    'meta-badgee.com', // a doubled letter in a word under six letters is read as no word
    'facebooklikes.com', // likes and followers: the like-selling and tool names hold them
    'ig-profile.com',
    'metadata-center.com', // not read as meta + data
    'metaverse-page.com',
    'meta-tags-review.com',
    'big-page.com', // ig inside a word
    'ig-report.com', // report and profile are features: with the brand's own label only
    'fb-report.com',
    'pagereview.com', // no name
    'facebook.com', // the label alone is the other rules' business
  ])('%s is not this rule’s', (host) => {
    expect(rule(host)).toBeNull();
  });

  it("PayPal's account-statement and dispute notices", () => {
    expect(rule('paypalstatmentsummary.com')).toBe('paypal.com'); // statement misspelt as lure words are
    expect(rule('paypal-case-resolution.com')).toBe('paypal.com');
    expect(rule('paypalsummerschool.com')).toBeNull();
  });

  it("a distinctive name heading a token with one of its own notice words in the padding", () => {
    expect(rule('paypalstatmentssummaryintl.com')).toBe('paypal.com');
    expect(rule('paypalsurabayamildmysummary.com')).toBe('paypal.com');
    expect(rule('paypalcasexyz.com')).toBeNull(); // a short notice word hides in any letters
    expect(rule('paypalsupportxyz.com')).toBeNull(); // and a glue word is anyone's
    expect(rule('xyzpaypalsummary.com')).toBeNull(); // the name must head the token
    expect(rule('fbsummaryreport.com')).toBeNull(); // an abbreviation is not distinctive
  });

  it("Outlook Web App's name is Microsoft's alone: strong next to a word name", () => {
    expect(rule('outlook-webapp.com')).toBe('outlook.com');
    expect(rule('outlookwebapp.net')).toBe('outlook.com');
    expect(rule('outlook-web.com')).toBeNull();
  });

  it('a subdomain label made so is the brand in front of another site', () => {
    expect(byBrandLure(index, parts('facebook-page-review.glitch.me'))).toMatchObject({ imitates: 'facebook.com', rule: 'subdomain', part: 'glitch.me' });
    expect(byBrandLure(index, parts('facebook-page-review.weebly.com'))).toMatchObject({ imitates: 'facebook.com', rule: 'embedded-brand' }); // a free host's site is its own name
    expect(rule('page.meta.example.com')).toBeNull(); // one label at a time: `page.` and `meta.` are anyone's hosts
  });

  it('the brand alone in front of a site named by its notice words and a number', () => {
    expect(byBrandLure(index, parts('facebook.page-34829372.com'))).toMatchObject({ imitates: 'facebook.com', rule: 'subdomain' });
    expect(rule('instagram.copyright-appeal.net')).toBe('instagram.com');
    expect(rule('facebook.help-center-2024.com')).toBeNull(); // anyone's words behind: one of the brand's own is needed
    expect(rule('paypal.page-review.com')).toBeNull(); // only that brand's notice words
  });

  it.each(['linkedinjobs-apply.com', 'linkedinmessages.com', 'linkedin-recruiter.net'])('LinkedIn has notice words of its own: %s', (host) => {
    expect(rule(host)).toBe('linkedin.com');
  });

  it.each([
    ['apple-receipt.com', 'apple.com'],
    ['applesubscription-cancel.com', 'apple.com'],
    ['iphonelocked.com', 'apple.com'], // a product word names its brand
    ['icloud-activation.com', 'icloud.com'],
    ['find-ios-iphone.live', 'apple.com'], // the lost-device notices: find my iPhone, its last position
    ['icloud-last-position.info', 'icloud.com'],
  ])('Apple has notice words of its own: %s imitates %s', (host, domain) => {
    expect(rule(host)).toBe(domain);
  });

  it.each(['apple-orders.com', 'apple-lock.com', 'react-native-apple-payment.com'])('%s is not Apple’s notice', (host) => {
    // Fruit sellers take orders; a lock is anyone's; other words in the name.
    expect(rule(host)).toBeNull();
  });

  it.each([
    ['office365-voicemail.com', 'office365.com'],
    ['outlook-mailbox-quota.com', 'outlook.com'], // a word name with a strong word next to it
    ['sharepoint-sharedfile.com', 'sharepoint.com'],
    ['msvoicemail.com', 'microsoft.com'],
  ])('Microsoft 365 notices: %s imitates %s', (host, domain) => {
    expect(rule(host)).toBe(domain);
  });

  it.each(['ms-mailbox-reader.com', 'office-fax.com', 'livestorage.com'])('%s is not Microsoft’s notice', (host) => {
    // ms, office and live are words: a strong notice word must stand next to them.
    expect(rule(host)).toBeNull();
  });

  it('another brand gets no Meta notice words', () => {
    expect(rule('paypal-page-review.com')).toBeNull();
    expect(rule('naverpagereview.com')).toBeNull();
    expect(rule('facebookjobs-apply.com')).toBeNull(); // LinkedIn's words are not Meta's
  });

  it('owned domains stay quiet', () => {
    expect(lookalike(index, 'business.facebook.com')).toBeNull();
    expect(lookalike(index, 'www.metastatus.com')).toBeNull();
  });
});
