// Serves test/fixtures/pages/* at /fixtures/<name> for the e2e servers.
// Fixture links name listed hosts without a port (`http://bitwoll.com/`);
// they are rewritten to the test server's port so a request that escaped
// would be counted by the listed server instead of hitting port 80.
import { readFileSync } from 'node:fs';
import type { Route } from './server.ts';

const PAGES = new URL('../../fixtures/pages/', import.meta.url);
const LISTED_LINK = /(\/\/(?:[a-z0-9-]+\.)*(?:bitwoll\.com|change-pw\.com))(?=[/"'])/g;

export interface FixtureOptions {
  /** Port the listed hosts are served on in this test. */
  port: () => number;
}

export function fixtureUrl(host: string, port: number, name: string, hash = ''): string {
  return `http://${host}:${port}/fixtures/${name}${hash}`;
}

export function fixtureRoute(opts: FixtureOptions): Route {
  return (req, res) => {
    const m = /^\/fixtures\/([a-z0-9-]+\.(?:html|js|svg))(?:\?|$)/.exec(req.url ?? '');
    if (!m?.[1]) return false;
    const name = m[1];
    let html: string;
    try {
      html = readFileSync(new URL(name, PAGES), 'utf8');
    } catch {
      res.writeHead(404).end();
      return true;
    }
    html = html.replace(LISTED_LINK, `$1:${opts.port()}`);
    const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.svg') ? 'image/svg+xml' : 'text/html';
    // ?csp=<policy>: the page's own Content-Security-Policy (attack-csp-styles.html).
    const csp = new URL(req.url ?? '', 'http://fixture').searchParams.get('csp');
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...(csp ? { 'content-security-policy': csp } : {}) });
    res.end(html);
    return true;
  };
}

/** A page at /csp-reporting whose report-only CSP sends its violation reports to `reportUri()`. */
export const cspReportingRoute = (reportUri: () => string): Route => (req, res) => {
  if (!req.url?.startsWith('/csp-reporting')) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy-report-only': `img-src 'none'; report-uri ${reportUri()}` });
  res.end('<!doctype html><title>reporting</title><img src="/control-img" alt="">');
  return true;
};

/**
 * A page at /reporting-api whose Reporting API endpoint (`Reporting-Endpoints`,
 * reports sent by the browser's network service, not by the page) is `endpoint()`,
 * and a second one, `control()`, gets the same report.
 */
export const reportingApiRoute = (endpoint: () => string, control: () => string): Route => (req, res) => {
  if (!req.url?.startsWith('/reporting-api')) return false;
  res.setHeader('content-security-policy-report-only', ["img-src 'none'; report-to steal", "img-src 'none'; report-to control"]);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'reporting-endpoints': `steal="${endpoint()}", control="${control()}"` });
  res.end('<!doctype html><title>reporting</title><img src="/control-img-reporting" alt="">');
  return true;
};

/**
 * /auth-prompt asks for HTTP authentication (401, `WWW-Authenticate: Basic`):
 * the browser draws its own sign-in dialog for the page's host, outside the
 * page (attack class: a sign-in no overlay can cover). Its body is what a
 * cancelled challenge shows.
 */
export const authPromptRoute: Route = (req, res) => {
  if (!req.url?.startsWith('/auth-prompt')) return false;
  res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'www-authenticate': 'Basic realm="Microsoft 365 sign-in"' });
  res.end('<!doctype html><title>Sign in</title><p id="unauthorized">Sign-in required</p>');
  return true;
};

/**
 * /link-header: a page whose response headers ask the browser itself to
 * preconnect to and preload from a listed host (`Link: <…>; rel=preconnect`,
 * `rel=preload`), before any script of the page runs.
 */
export const linkHeaderRoute = (listedOrigin: () => string): Route => (req, res) => {
  if (!req.url?.startsWith('/link-header')) return false;
  const origin = listedOrigin();
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    // The last one, to the page's own server, shows the browser follows the header at all.
    link: `<${origin}/>; rel=preconnect, <${origin}/steal/link-header.js>; rel=preload; as=script, </control-link-header.js>; rel=preload; as=script`,
  });
  res.end('<!doctype html><title>hints</title><p>hints</p>');
  return true;
};
