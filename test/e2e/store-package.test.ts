// Store readiness of the built extension: lint, permissions, exposed
// resources, reproducible zips. Runs after `npm run build` (npm test does it).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const manifest = (target: string) => JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8')) as Record<string, any>;

function allJs(dir: string): string {
  return readdirSync(dir)
    .map((n) => join(dir, n))
    .map((p) => (statSync(p).isDirectory() ? allJs(p) : p.endsWith('.js') ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}

/** The API namespace each permission unlocks, as it appears in the bundled code. */
const PERMISSION_API: Record<string, RegExp> = {
  declarativeNetRequest: /\.declarativeNetRequest\./,
  webNavigation: /\.webNavigation\./,
  storage: /\.storage\.(local|session|managed)/,
  alarms: /\.alarms\./,
  privacy: /\.privacy\.network/,
  browsingData: /\.browsingData\b/,
  webRequest: /\.webRequest\.onErrorOccurred/,
  webRequestAuthProvider: /\.webRequest\.onAuthRequired/,
};

describe('store readiness', () => {
  it('web-ext lint on the Firefox build: 0 errors, 0 warnings', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json'], {
      encoding: 'utf8',
    });
    const { summary, errors, warnings } = JSON.parse(out) as { summary: object; errors: unknown[]; warnings: unknown[] };
    expect({ errors, warnings }).toEqual({ errors: [], warnings: [] });
    expect(summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it.each(['chrome', 'firefox'])('%s: only the permissions the code uses', (target) => {
    const m = manifest(target);
    const code = allJs(`dist/${target}`);
    expect(m.permissions.sort()).toEqual(Object.keys(PERMISSION_API).sort());
    for (const p of m.permissions as string[]) expect(code, p).toMatch(PERMISSION_API[p]!);
    expect(m.host_permissions).toEqual(['<all_urls>']); // DNR redirects need host access to every site
  });

  it.each(['chrome', 'firefox'])('%s: exposes only the warning page to the web', (target) => {
    const resources = (manifest(target).web_accessible_resources as { resources: string[] }[]).flatMap((w) => w.resources);
    expect(resources).toEqual(['src/ui/warning/warning.html']);
  });

  it('browser-specific keys are patched per target', () => {
    const chrome = manifest('chrome');
    const firefox = manifest('firefox');
    expect(chrome.background.service_worker).toBeTruthy();
    expect(chrome.background.scripts).toBeUndefined();
    expect(firefox.background.scripts).toHaveLength(1);
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko).toMatchObject({
      id: 'takedown-guard@takedown-guard.org',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.key).toBeUndefined();
  });

  it('two builds of the same sources give identical zips', () => {
    const hashes = () => {
      execFileSync('npx', ['tsx', 'scripts/package.ts'], { encoding: 'utf8' });
      return readdirSync('artifacts')
        .filter((n) => n.endsWith('.zip'))
        .sort()
        .map((n) => `${n}:${createHash('sha256').update(readFileSync(join('artifacts', n))).digest('hex')}`);
    };
    const first = hashes();
    execFileSync('npx', ['tsx', 'scripts/build.ts'], { encoding: 'utf8' });
    const second = hashes();
    expect(first.filter((h) => /chrome|firefox|sources/.test(h))).toHaveLength(3);
    expect(second).toEqual(first);
    const chromeZip = first.find((h) => h.includes('chrome'));
    expect(chromeZip).toBeTruthy();
  }, 120_000);
});
