// Issue 11, part 1, past the regex budget, in Firefox ESR: the list and the
// attack page of chromium-attacks-path-feed.test.ts (4,604 path entries in
// three tiers of rules; Firefox takes 5,000 dynamic rules in all, which the
// rules fill to 4,992). Firefox maps test names to 127.0.0.1 only, so one
// server there logs every request with its Host header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openExtensionPage, EXTENSION_ORIGIN, launchFirefox, navigate, waitForFirefoxRules, waitForLocation, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import { startServer, type CountingServer } from './harness/server.ts';
import { fixtureRoute, fixtureUrl } from './harness/fixture-route.ts';
import { waitFor } from './harness/dom-tree.ts';
import { FEED_ENTRIES, FEED_HOSTS, isUnderListedPath, LOOKALIKE_HELD, requestLog } from './harness/path-feed.ts';

const ATTACKER = 'attacker.test';
const SETTLE_MS = 1500;
const WARNING = `${EXTENSION_ORIGIN}/src/ui/warning/warning.html#`;

let ff: LaunchedFirefox;
let server: CountingServer;
const { seen, posts, recorder } = requestLog();
const at = (target: string) => `http://${target.replace('/', `:${server.port}/`)}`;

beforeAll(async () => {
  let port = 0;
  server = await startServer('127.0.0.1', [recorder, fixtureRoute({ port: () => port })]);
  port = server.port;
  ff = await launchFirefox({ hosts: [ATTACKER, ...FEED_HOSTS] });
  const page = await ff.browser.newPage();
  await waitForFirefoxRules(page, `http://${ATTACKER}:${port}/rules`);
  await page.close();
}, 120_000);

afterAll(async () => {
  await ff?.browser.close();
  await server?.close();
});

describe('path entries past the regex budget: no request reaches them (Firefox)', () => {
  it('4,604 path entries saved on the options page fit the rules Firefox takes', async () => {
    const options = await ff.browser.newPage();
    await options.goto(`http://${ATTACKER}:${server.port}/ui`);
    await openExtensionPage(options, 'options/options.html');
    await options.waitForSelector('[data-testid="input-blocked"]');
    // As pasted: one input event.
    await options.evaluate((text) => {
      const el = document.querySelector('[data-testid="input-blocked"]') as HTMLTextAreaElement;
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, FEED_ENTRIES.join('\n'));
    await options.click('[data-testid="save"]');
    const counts = () => options.evaluate(async () => {
      const dnr = (globalThis as unknown as { browser: typeof chrome }).browser.declarativeNetRequest;
      const rules = await dnr.getDynamicRules();
      return { all: rules.length, regex: rules.filter((r) => r.condition.regexFilter).length, filters: rules.filter((r) => r.condition.urlFilter).length, whole: rules.some((r) => r.condition.requestDomains?.includes('whole.test') && !r.condition.regexFilter && !r.condition.urlFilter) };
    });
    const installed = await waitFor(counts, (c) => c.whole && c.filters > 0, 'the rules never carried the feed', 60_000).catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(await counts())}`);
    });
    console.log(`path feed (Firefox): ${FEED_ENTRIES.length} entries -> ${installed.all} dynamic rules (${installed.regex} regex, ${installed.filters} urlFilter)`);
    expect(installed.all).toBeLessThanOrEqual(5000);
    await options.close();
  }, 90_000);

  it('an unlisted page sends credentials to every tier by every route: nothing under a listed path arrives', async () => {
    const page = await ff.browser.newPage();
    await page.goto(fixtureUrl(ATTACKER, server.port, 'attack-path-feed.html'));
    await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(await page.evaluate(() => (window as unknown as { __fixture: { tried: string[] } }).__fixture.tried.length)).toBe(24);
    expect(seen.filter(isUnderListedPath)).toEqual([]);
    expect(seen).toContain('regex.test/ok');
    expect(seen).toContain('filter.test/ok');
    expect(seen).not.toContain('whole.test/ok');
    await page.close();
  });

  it.each(['filter.test/k0600-filter/login', 'whole.test/z-whole/login', 'feed.test/k4321/'])('%s: the full-page warning, before any request', async (target) => {
    const before = seen.length;
    const page = await ff.browser.newPage();
    await page.goto(`http://${ATTACKER}:${server.port}/from`);
    await navigate(page, at(target));
    await waitForLocation(page, (u) => u === `${WARNING}${at(target)}`);
    await page.waitForSelector('[data-testid="go-back"]');
    expect(seen.slice(before).filter(isUnderListedPath)).toEqual([]);
    await page.close();
  });

  it.each(['filter.test', 'whole.test'])('an unlisted page of %s opens at once, through the warning page, with its fragment, once', async (host) => {
    const url = `http://${host}:${server.port}/fine-page?x=1#part`;
    const before = seen.length;
    const page: Page = await ff.browser.newPage();
    await page.goto(`http://${ATTACKER}:${server.port}/from`);
    const t0 = Date.now();
    await navigate(page, url);
    await waitForLocation(page, (u) => u === url);
    console.log(`held host ${host} (Firefox): unlisted page open in ${Date.now() - t0} ms (through the hold)`);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.slice(before).filter((s) => s.startsWith(`${host}/fine-page`))).toEqual([`${host}/fine-page?x=1`]);
    await page.close();
  });

  it('a form POST to a held host: an unlisted page gets it as a POST, body and all; a listed path (then the warning page) and a host blocked whole get nothing', async () => {
    const submit = async (target: string) => {
      const page = await ff.browser.newPage();
      await page.goto(`http://${ATTACKER}:${server.port}/form`);
      await page.evaluate((u) => {
        const f = Object.assign(document.createElement('form'), { method: 'post', action: u });
        f.append(Object.assign(document.createElement('input'), { name: 'note', value: 'kept' }));
        document.body.append(f);
        f.submit();
      }, at(target));
      await new Promise((r) => setTimeout(r, 800));
      return page;
    };
    const fine = await submit('filter.test/fine-form');
    await waitFor(async () => posts, (p) => p.includes('filter.test/fine-form note=kept'), `the POST did not arrive as one: ${posts.join(', ')}`, 5_000);
    const before = seen.length;
    const listed = ['filter.test/k0600-filter/collect', 'whole.test/z-whole/collect'];
    const pages = [...(await Promise.all(listed.map(submit))), await submit('whole.test/fine-form')];
    expect(seen.slice(before).filter((s) => s.startsWith('filter.test') || s.startsWith('whole.test'))).toEqual([]);
    for (const [i, target] of listed.entries()) await waitForLocation(pages[i]!, (u) => u === `${WARNING}${at(target)}`);
    await Promise.all([fine, ...pages].map((p) => p.close()));
  });

  it('a look-alike page of a held host: warned, and after "Continue" it opens and stays, as do its other pages; its listed path still warns', async () => {
    const url = at(`${LOOKALIKE_HELD}/signin`);
    const before = seen.length;
    const page: Page = await ff.browser.newPage();
    await page.goto(`http://${ATTACKER}:${server.port}/from`);
    await navigate(page, url);
    await waitForLocation(page, (u) => u === `${WARNING}${url}`);
    await waitFor(() => page.evaluate(() => Boolean(document.querySelector('[data-testid="continue"]'))), Boolean, 'no continue button');
    await page.evaluate(() => (document.querySelector('[data-testid="continue"]') as HTMLButtonElement).click());
    await waitForLocation(page, (u) => u === url);
    await new Promise((r) => setTimeout(r, 500));
    expect(page.url()).toBe(url); // not back at the warning (the hold would send it there without a pass)
    const other = at(`${LOOKALIKE_HELD}/inbox`);
    await navigate(page, other);
    await waitForLocation(page, (u) => u === other);
    const listed = at(`${LOOKALIKE_HELD}/k0601-lookalike/x`);
    await navigate(page, listed);
    await waitForLocation(page, (u) => u === `${WARNING}${listed}`);
    await page.waitForSelector('[data-testid="go-back"]');
    const pages = seen.slice(before).filter((s) => s.startsWith(LOOKALIKE_HELD) && !s.endsWith('/favicon.ico'));
    expect(pages).toEqual([`${LOOKALIKE_HELD}/signin`, `${LOOKALIKE_HELD}/inbox`]); // each once; nothing of the listed path
    await page.close();
  });
});
