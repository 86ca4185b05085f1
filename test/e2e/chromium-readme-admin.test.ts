// The README's admin walkthrough, command for command, as an admin would type
// it: `npm run --silent admin -- keygen / build / verify / serve` as child
// processes, the policy of step 5 with the public key file's content, then a
// fresh Chromium that must enforce the list: the listed domain shows the
// warning with the list's own title, and gets no connection.
// The policy file is machine-wide: e2e files run one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type Launched } from './harness/chromium.ts';
import { startServer, type CountingServer } from './harness/server.ts';
import { visit, waitForUrl } from './harness/pages.ts';
import { removeExtensionPolicy, writeExtensionPolicy } from '../../scripts/lib/policy.ts';

const POLICY_FILE = 'takedown-guard-readme';
const LISTED = 'readme-corp.test'; // mapped to 127.0.0.3, which must never see a connection
const dir = mkdtempSync(join(tmpdir(), 'tg-readme-'));
const inDir = (p: string) => join(dir, p);

/** `npm run --silent admin -- ARGS`, run from the checkout as the README says. */
function admin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let server: ChildProcess | undefined;
let never: CountingServer;
let browser: Launched | undefined;

/** Starts step 4's server on a free port and returns the URL it prints. */
function serve(): Promise<string> {
  // Its own process group: npm starts tsx, which starts node; all must stop.
  server = spawn('npm', ['run', '--silent', 'admin', '--', 'serve', '--dir', inDir('out'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let err = '';
    server!.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) resolve(m[1]!);
    });
    server!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

beforeAll(async () => {
  never = await startServer('127.0.0.3');
}, 30_000);

afterAll(async () => {
  removeExtensionPolicy(POLICY_FILE);
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  await browser?.context.close();
  await never?.close();
});

describe('README admin walkthrough (Chromium)', () => {
  it('1. keygen writes an owner-only private key and a policy-ready public key', () => {
    const r = admin('keygen', '--out', inDir('keys'));
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(inDir('keys/takedown-guard.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(inDir('keys/takedown-guard.pub'), 'utf8').trim()).toMatch(/^p256:[A-Za-z0-9+/=]+$/);
  });

  it('2. build signs the text list (with its provenance header) into a bundle', () => {
    mkdirSync(inDir('lists'));
    writeFileSync(inDir('lists/corp.txt'), ['# title: Example Corp phishing blocklist', '# source: https://it.example.org/blocklist', LISTED, ''].join('\n'));
    const expires = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const r = admin('build', '--key', inDir('keys/takedown-guard.key'), '--seq', '1', '--expires', expires, '-o', inDir('out/corp.tgb'), inDir('lists/corp.txt'));
    expect(r.status, r.stderr).toBe(0);
  });

  it('3. verify prints one JSON line for the valid bundle', () => {
    const r = admin('verify', '--pub', inDir('keys/takedown-guard.pub'), inDir('out/corp.tgb'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ valid: true, kind: 'full', seq: 1, entries: 1 });
  });

  it('4-5. served and pointed at by the policy, Chromium enforces the list', async () => {
    const url = `${await serve()}corp.tgb`;
    writeExtensionPolicy(POLICY_FILE, {
      updateUrls: [url],
      trustedKeys: [readFileSync(inDir('keys/takedown-guard.pub'), 'utf8').trim()],
    });
    browser = await launchChromium({ hosts: { [LISTED]: '127.0.0.3' } });
    const warning = `chrome-extension://${browser.extensionId}/src/ui/warning/warning.html#`;
    // The browser reads the policy and fetches the bundle a few seconds after start.
    const sw = await browser.worker();
    const redirected = () => sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).flatMap((r) => r.condition.requestDomains ?? []));
    await expect.poll(redirected, { timeout: 30_000 }).toContain(LISTED);
    const page = await browser.context.newPage();
    await visit(page, `http://${LISTED}:${never.port}/login`);
    await waitForUrl(page, (u) => u.startsWith(warning));
    await expect.poll(() => page.locator('main').innerText()).toContain('Example Corp phishing blocklist');
    expect(never.connections()).toBe(0);
  }, 60_000);
});
