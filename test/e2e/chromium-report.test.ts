// Issue 13, the local protection report, in real Chromium: a full-page
// block, a link-click warning, two credential overlays and three blocked
// subresource requests are caused on fixture pages; the report page must list
// them (one row for the three requests), chart the same numbers, filter,
// export them as CSV and JSON, pass axe in en, ko and ja, and clear after a
// confirmation. One browser for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fixtureReady, LISTED, startContentEnv, UNLISTED, type ContentEnv } from './harness/content-setup.ts';
import { accessibleDescription, clickButton, waitForNoOverlay, waitForOverlay } from './harness/overlay.ts';
import { visit, waitForUrl } from './harness/pages.ts';

const LOOKALIKE = 'login.micros0ft.test';
const LIST = 'microsoft-v-thallium-2019';
const ARTIFACTS = 'artifacts/report';
const AXE = 'node_modules/axe-core/axe.min.js';

let env: ContentEnv;
const ui = () => `chrome-extension://${env.browser.extensionId}/src/ui`;

beforeAll(async () => {
  env = await startContentEnv();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await env?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  // CDP evaluation is not subject to the page's CSP (script-src 'self').
  await page.evaluate(readFileSync(AXE, 'utf8'));
  type Results = { violations: Array<{ id: string; impact: string; nodes: unknown[] }>; passes: unknown[] };
  const r = await page.evaluate(async () => (window as unknown as { axe: { run: () => Promise<Results> } }).axe.run());
  expect(r.passes.length).toBeGreaterThan(10);
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length} nodes)`);
}

/**
 * Debian's Chromium ships only the en-US UI locale, so the browser cannot be
 * started in Korean or Japanese: the page instead gets the extension's own
 * ko/ja messages.json through chrome.i18n before its script runs (the same
 * placeholder rules as Chrome's). What is checked is our strings in our layout.
 */
async function reportIn(locale: 'en' | 'ko' | 'ja'): Promise<Page> {
  const page = await env.browser.context.newPage();
  if (locale !== 'en') {
    const messages = JSON.parse(readFileSync(`extension/_locales/${locale}/messages.json`, 'utf8')) as unknown;
    await page.addInitScript(([msgs, lang]) => {
      type M = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
      const get = (key: string, subs?: string | string[]) => {
        const m = (msgs as M)[key];
        if (!m) return '';
        const s = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
        let text = m.message;
        for (const [name, p] of Object.entries(m.placeholders ?? {})) {
          text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), s[Number(p.content.slice(1)) - 1] ?? '');
        }
        return text;
      };
      const g = globalThis as unknown as { chrome?: { i18n?: object }; browser?: { i18n?: object } };
      for (const api of [g.chrome, g.browser]) {
        if (!api?.i18n) continue;
        Object.defineProperty(api.i18n, 'getMessage', { value: get });
        Object.defineProperty(api.i18n, 'getUILanguage', { value: () => lang });
      }
    }, [messages, locale] as const);
  }
  await page.goto(`${ui()}/report/report.html`);
  await expect.poll(() => page.locator('main:not([aria-busy="true"])').count()).toBe(1);
  return page;
}

const cells = (page: Page, testid: string) =>
  page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));

async function causeStops(): Promise<void> {
  // A link click: warned, "Go back".
  const links = await env.newTab();
  await links.page.goto(env.url(UNLISTED, 'report-stops.html'));
  await fixtureReady(links.page);
  await expect.poll(() => accessibleDescription(links.cdp, 'listed'), { timeout: 5000 }).toContain(LISTED);
  await links.page.click('#listed');
  await waitForOverlay(links.cdp);
  await clickButton(links.page, links.cdp, /^Go back/);
  await waitForNoOverlay(links.cdp);

  // A full-page block, "Continue anyway"; then the listed login page's credential overlay, "Continue anyway".
  const listed = await env.newTab();
  const login = `http://${LISTED}:${env.port}/login`;
  await visit(listed.page, login);
  await waitForUrl(listed.page, (u) => u.startsWith(`${ui()}/warning/warning.html#`));
  await listed.page.getByTestId('continue').click();
  await waitForUrl(listed.page, (u) => u === login);
  await waitForOverlay(listed.cdp);
  await clickButton(listed.page, listed.cdp, /^Continue anyway/);
  await waitForNoOverlay(listed.cdp);

  // A look-alike sign-in page: its overlay, "Go back".
  const lookalike = await env.newTab();
  await lookalike.page.goto(env.url(LOOKALIKE, 'login-basic.html'));
  await waitForOverlay(lookalike.cdp);
  await clickButton(lookalike.page, lookalike.cdp, /^Go back/);
  await waitForUrl(lookalike.page, (u) => !u.includes(LOOKALIKE));
  await Promise.all([links.page.close(), listed.page.close(), lookalike.page.close()]);
}

describe('protection report (Chromium)', () => {
  let page: Page;

  it('causes a link-click warning, a full-page block, two credential overlays and three blocked requests', async () => {
    await causeStops();
  });

  it('the popup links to the report page', async () => {
    const popup = await env.browser.context.newPage();
    await popup.goto(`${ui()}/popup/popup.html`);
    const href = await popup.getByTestId('open-report').getAttribute('href');
    expect(new URL(href!, popup.url()).href).toBe(`${ui()}/report/report.html`);
    await popup.close();
  });

  it('lists every stop, with the user\'s choice, and the three blocked requests as one counted row', async () => {
    page = await reportIn('en');
    await expect.poll(async () => (await cells(page, 'report-rows')).length, { timeout: 10_000 }).toBe(5);
    const rows = (await cells(page, 'report-rows')).map(([, host, entry, list, kind, action, count]) => [host, entry, list, kind, action, count].join(' | '));
    const title = 'Microsoft Corp. v. John Does ("Thallium" nation-state actor)';
    expect(rows.sort()).toEqual([
      `${LISTED} | ${LISTED}/ | ${title} | Full-page block | Continued | 1`,
      `${LISTED} | ${LISTED}/ | ${title} | Link click | Went back | 1`,
      `${LISTED} | ${LISTED}/ | ${title} | Request blocked | None needed (blocked without asking) | 3`,
      `${LISTED} | ${LISTED}/ | ${title} | Sign-in warning | Continued | 1`,
      `${LOOKALIKE} | microsoft.com | Look-alike (no list) | Sign-in warning | Went back | 1`,
    ].sort());
    // Times are today's, in UTC.
    const today = new Date().toISOString().slice(0, 10);
    for (const [time] of await cells(page, 'report-rows')) expect(time!.slice(0, 10)).toBe(today);
    expect(await page.getByTestId('report-total').innerText()).toBe('Stops shown: 7');
  });

  it('charts the same numbers per day and per list, in the SVG and in its table', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await cells(page, 'per-day-table')).toEqual([[today, '7']]);
    expect(await cells(page, 'per-list-table')).toEqual([
      ['Microsoft Corp. v. John Does ("Thallium" nation-state actor)', '6'],
      ['Look-alike (no list)', '1'],
    ]);
    const bars = (id: string) => page.getByTestId(`${id}-svg`).locator('g').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-count'), g.querySelector('rect')!.getAttribute('width')]));
    expect(await bars('per-day')).toEqual([['7', '260']]);
    const perList = await bars('per-list');
    expect(perList.map(([c]) => c)).toEqual(['6', '1']);
    expect(Number(perList[0]![1])).toBeGreaterThan(5 * Number(perList[1]![1]));
    expect(await page.getByTestId('per-day-svg').getAttribute('aria-hidden')).toBe('true');
  });

  it('filters by kind, list, host text and date range', async () => {
    await page.getByTestId('filter-kind').selectOption('credential-overlay');
    expect((await cells(page, 'report-rows')).map((r) => r[1])).toEqual(expect.arrayContaining([LISTED, LOOKALIKE]));
    expect(await cells(page, 'report-rows')).toHaveLength(2);
    await page.getByTestId('filter-list').selectOption(LIST);
    expect((await cells(page, 'report-rows')).map((r) => r[1])).toEqual([LISTED]);
    await page.getByTestId('filter-kind').selectOption('*');
    await page.getByTestId('filter-list').selectOption('*');
    await page.getByTestId('filter-host').fill('MICROS0FT');
    expect((await cells(page, 'report-rows')).map((r) => r[1])).toEqual([LOOKALIKE]);
    expect(await page.getByTestId('report-total').innerText()).toBe('Stops shown: 1');
    await page.getByTestId('filter-host').fill('');
    await page.getByTestId('filter-from').fill('2000-01-01');
    await page.getByTestId('filter-to').fill('2000-01-02');
    expect(await page.getByTestId('report-empty').count()).toBe(1);
    await page.getByTestId('filter-from').fill('');
    await page.getByTestId('filter-to').fill('');
    await expect.poll(async () => (await cells(page, 'report-rows')).length).toBe(5);
  });

  it('exports the rows as CSV and JSON files', async () => {
    const save = async (testid: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      expect(download.suggestedFilename()).toMatch(/^takedown-guard-report-\d{4}-\d\d-\d\d\.(csv|json)$/);
      return readFileSync((await download.path())!, 'utf8');
    };
    const csv = await save('export-csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time,host,entry,list,listTitle,kind,action,reason,count');
    expect(lines).toHaveLength(7); // header, 5 rows, '' after the last CRLF
    expect(lines).toContainEqual(expect.stringMatching(
      new RegExp(`^\\d{4}-.*Z,${LISTED},${LISTED}/,${LIST},"Microsoft Corp\\. v\\. John Does \\(""Thallium"" nation-state actor\\)",subresource-blocked,none,,3$`),
    ));
    const json = JSON.parse(await save('export-json')) as Array<{ host: string; kind: string; action: string; count: number; list: string }>;
    expect(json).toHaveLength(5);
    expect(json.reduce((n, r) => n + r.count, 0)).toBe(7);
    expect(json.find((r) => r.host === LOOKALIKE)).toMatchObject({ kind: 'credential-overlay', action: 'went-back', list: '', count: 1 });
  });

  it('works by keyboard alone, every stop with a visible focus', async () => {
    await page.reload(); // Tab from the top of the page
    await expect.poll(async () => (await cells(page, 'report-rows')).length).toBe(5);
    const stops: string[] = [];
    for (let i = 0; i < 30 && !stops.includes('clear'); i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const st = el ? getComputedStyle(el) : null;
        return { id: el?.dataset.testid ?? el?.tagName ?? '', visible: st?.outlineStyle === 'solid' && parseFloat(st?.outlineWidth ?? '0') >= 2 };
      });
      expect(f.visible, `focus on ${f.id} is not visible`).toBe(true);
      if (stops.at(-1) !== f.id) stops.push(f.id);
    }
    expect(stops).toEqual(['filter-kind', 'filter-list', 'filter-from', 'filter-to', 'filter-host', 'export-csv', 'export-json', 'clear']);
    await page.keyboard.press('Enter'); // opens the confirmation; Escape closes it, nothing deleted
    expect(await page.getByTestId('clear-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('clear-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await cells(page, 'report-rows')).toHaveLength(5);
  });

  it('passes axe, and a screenshot is written', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.screenshot({ path: `${ARTIFACTS}/report-en.png`, fullPage: true });
  });

  it.each(['ko', 'ja'] as const)('in %s: translated, and passes axe', async (locale) => {
    const p = await reportIn(locale);
    const messages = JSON.parse(readFileSync(`extension/_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    await expect.poll(async () => (await cells(p, 'report-rows')).length).toBe(5);
    expect(await p.locator('h1').innerText()).toBe(messages.reportTitle!.message);
    expect(await p.locator('html').getAttribute('lang')).toBe(locale);
    expect(await p.getByTestId('report-rows').innerText()).toContain(messages.reportKindLinkClick!.message);
    expect(await axeViolations(p)).toEqual([]);
    await p.setViewportSize({ width: 1280, height: 1100 });
    await p.screenshot({ path: `${ARTIFACTS}/report-${locale}.png`, fullPage: true });
    await p.close();
  });

  it('clears only after the confirmation, and stays cleared', async () => {
    await page.getByTestId('clear').click();
    expect(await page.getByTestId('clear-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.getByTestId('clear-cancel').click();
    expect(await page.getByTestId('clear-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await cells(page, 'report-rows')).toHaveLength(5);
    await page.getByTestId('clear').click();
    await page.keyboard.press('Tab'); // from "Keep it" (focused first) to "Delete all rows"
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('report-empty').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByTestId('report-empty').count()).toBe(1);
    await page.close();
  });

  it('keeps at most reportMaxEvents rows in the real store: the oldest go first', async () => {
    const ext = await reportIn('en');
    type Reply = { ok: boolean; value: unknown };
    const send = (m: object) => ext.evaluate((msg) => chrome.runtime.sendMessage(msg), m) as Promise<Reply>;
    // The user's settings take the policy's keys and rules (no policy file: it would reach every test browser).
    expect(await send({ type: 'setUserSettings', settings: { reportMaxEvents: 100 } })).toEqual({ ok: true, value: { ok: true } });
    for (let i = 0; i < 105; i++) await send({ type: 'stopShown', kind: 'full-page', url: `http://${LISTED}/cap-${i}` });
    const view = (await send({ type: 'readReport' })).value as { rows: Array<{ id: number }>; limits: { maxEvents: number } };
    expect(view.limits.maxEvents).toBe(100);
    expect(view.rows).toHaveLength(100);
    const ids = view.rows.map((r) => r.id);
    expect(Math.min(...ids)).toBe(Math.max(...ids) - 99); // the 5 first written are gone
    expect(await send({ type: 'setUserSettings', settings: {} })).toEqual({ ok: true, value: { ok: true } });
    await send({ type: 'clearReport' });
    await ext.close();
  });
});
