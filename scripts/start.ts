// `npm start`: build, serve a fake login page on 127.0.0.1, and open a real
// court-seized domain (mapped to that server) in Chromium with the extension,
// so the warning shows. Without a display it runs headless and writes
// screenshots of the warning and of the page after "Continue anyway".
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTarget } from './lib/build.ts';
import { launchChromium, visit, waitForRules, waitForUrl } from './lib/chromium.ts';
import { startServer } from './lib/demo-server.ts';

// From blocklists/microsoft-v-thallium-2019.txt (Microsoft v. John Does, E.D. Va., Dec 2019).
const SEIZED = 'bitwoll.com';
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const outDir = resolve('artifacts/start');

await buildTarget('chrome');
const server = await startServer('127.0.0.1');
const demoUrl = `http://${SEIZED}:${server.port}/login`;
console.log(`demo server: http://127.0.0.1:${server.port}/ (serving ${SEIZED} through --host-resolver-rules)`);

const browser = await launchChromium({ hosts: { [SEIZED]: '127.0.0.1' }, headless });
await waitForRules(browser);
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await visit(page, demoUrl);
await waitForUrl(page, (u) => u.includes('/warning.html#'));
await page.getByTestId('blocked-url').waitFor();
console.log(`opened ${demoUrl} -> ${page.url()}`);

if (headless) {
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: `${outDir}/warning.png`, fullPage: true });
  await page.getByTestId('continue').click();
  await waitForUrl(page, (u) => u === demoUrl);
  await page.locator('#page-marker').waitFor();
  await page.screenshot({ path: `${outDir}/after-continue.png`, fullPage: true });
  console.log(`no display: screenshots written to\n  ${outDir}/warning.png\n  ${outDir}/after-continue.png`);
  await browser.context.close();
  await server.close();
} else {
  console.log('Chromium is open with Takedown Guard. Close the browser or press Ctrl+C to stop.');
  browser.context.on('close', () => void server.close().then(() => process.exit(0)));
}
