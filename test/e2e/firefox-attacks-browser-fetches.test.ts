// Issue 11, part 1, in Firefox ESR: the page of chromium-attacks-browser-fetches.test.ts
// makes the browser contact a listed host for it. Measured without the add-on:
// Firefox fetches the favicon and sends the CSP report there (it sends no
// pings by default, fetches no manifest, and has no speculation rules,
// PaymentRequest or FedCM). Firefox maps test names to 127.0.0.1 only, so one
// server records every request with its Host header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type { Page } from 'puppeteer-core';
import { launchFirefox, waitForFirefoxRules, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import { startServer, type CountingServer, type Route } from './harness/server.ts';
import { cspReportingRoute, fixtureRoute, fixtureUrl, reportingApiRoute } from './harness/fixture-route.ts';
import { LISTED, UNLISTED } from './harness/content-setup.ts';

const SETTLE_MS = 2500;

let ff: LaunchedFirefox;
let server: CountingServer;
const seen: string[] = [];
const recorder: Route = (req: IncomingMessage) => {
  seen.push(`${(req.headers.host ?? '').replace(/:\d+$/, '')} ${req.method ?? ''} ${req.url ?? ''}`);
  return false;
};


beforeAll(async () => {
  let port = 0;
  server = await startServer('127.0.0.1', [
    recorder,
    cspReportingRoute(() => `http://${LISTED}:${server.port}/steal/csp-report?password=hunter2`),
    reportingApiRoute(() => `https://${LISTED}/steal/reporting-api?password=hunter2`, () => `https://${UNLISTED}/control-reporting-api`),
    fixtureRoute({ port: () => port }),
  ]);
  port = server.port;
  ff = await launchFirefox({ hosts: [LISTED, UNLISTED, 'localhost'] });
  const page = await ff.browser.newPage();
  await waitForFirefoxRules(page, `http://${UNLISTED}:${port}/rules`);
  await page.close();
});

afterAll(async () => {
  await ff?.browser.close();
  await server?.close();
});

describe('requests the browser makes for a page (Firefox)', () => {
  let page: Page;

  beforeAll(async () => {
    page = await ff.browser.newPage();
    await page.goto(fixtureUrl('localhost', server.port, 'attack-browser-fetches.html'));
    await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true, { timeout: 10_000 });
    const reporting = await ff.browser.newPage();
    await reporting.goto(`http://localhost:${server.port}/csp-reporting`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    await reporting.close();
  });

  it('the page tried every route, and its control requests arrived', async () => {
    const tried = await page.evaluate(() => (window as unknown as { __fixture: { tried: string[] } }).__fixture.tried);
    expect(tried).toEqual(['favicon', 'manifest', 'ping', 'speculation-rules', 'payment-manifest', 'fedcm', 'control']);
    expect(seen).toEqual(expect.arrayContaining(['localhost GET /control', 'localhost GET /control-img']));
  });

  it('favicon and CSP report: nothing reaches the listed host', () => {
    expect(seen.filter((s) => s.startsWith(`${LISTED} `))).toEqual([]);
  });

  it('Reporting API endpoints are stripped from every response (a page would have the browser upload reports to a listed host)', async () => {
    const p = await ff.browser.newPage();
    await p.goto(`http://localhost:${server.port}/reporting-api`);
    // What the browser got for the page, as the page's own fetch of it reads it: the endpoints gone, the rest there.
    const headers = await p.evaluate(async () => {
      const r = await fetch(location.href);
      return [r.headers.get('reporting-endpoints'), r.headers.get('content-security-policy-report-only')];
    });
    expect(headers[0]).toBeNull();
    expect(headers[1]).toContain('report-to');
    await p.close();
  });
});
