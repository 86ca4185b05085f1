// `npm run bench:browser`: the cost of a 1M-entry admin list in real browsers.
// A signed 1M-entry bundle is served locally and pushed through managed policy;
// then navigations to unlisted pages are timed in a browser with the extension
// and that list, alternating with the same browser without the extension, and
// the ratio is printed (target: at most 1.10). Also times how long the worker
// takes to verify and apply the bundle (target: under 2 s) and to install the
// DNR rules. Chromium, then Firefox ESR.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Blocklist } from '../src/core/engine/blocklist.ts';
import { parseList } from '../src/core/list/parse-list.ts';
import { generateSigner, signBundle } from '../src/core/bundle/index.ts';
import { syntheticDomains } from './bench/synthetic.ts';
import { startServer as startUpdateServer } from './admin/serve.ts';
import { startServer } from './lib/demo-server.ts';
import { launchChromium, waitForRules } from './lib/chromium.ts';
import { EXTENSION_ORIGIN, launchFirefox, navigate, waitForFirefoxRules, waitForLocation } from './lib/firefox.ts';
import { removeExtensionPolicy, removeFirefoxPolicy, writeExtensionPolicy, writeFirefoxPolicy } from './lib/policy.ts';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const HOSTS = Array.from({ length: 5 }, (_, i) => `unlisted-${i}.bench.test`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Writes dir/bench.tgb with the synthetic list signed as bundle `seq`. */
async function bundleWriter(dir: string) {
  const list = parseList(['# title: Bench 1M list', ...syntheticDomains(ENTRIES, 42)].join('\n'), { file: 'bench.txt', origin: 'admin' });
  const compiled = Blocklist.compile([list]);
  const signer = await generateSigner();
  const write = async (seq: number) => {
    const now = Date.now();
    const bytes = await signBundle(
      {
        header: {
          kind: 'full', baseSeq: null, seq, created: new Date(now - 60_000).toISOString(),
          expires: new Date(now + 86_400_000).toISOString(), publisher: 'bench', name: 'bench.tgb', lists: [list.meta],
        },
        lists: [{ compiled, entries: list.entries }],
      },
      signer,
    );
    writeFileSync(join(dir, 'bench.tgb'), bytes);
    console.log(`bundle ${seq}: ${list.entries.length} entries, ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  };
  return { publicKey: signer.publicKey.text, write };
}

type Ask = (message: object) => Promise<{ ok: boolean; value: { adminBundle?: { seq: number } | null; seq?: number | null } }>;

/** Waits for bundle `seq` to be in force, then times an update to `seq + 1` (fetch, verify, store, DNR install). */
async function timeUpdate(name: string, ask: Ask, bundles: Bundles, seq: number) {
  while ((await ask({ type: 'status' })).value.adminBundle?.seq !== seq) await new Promise((r) => setTimeout(r, 250));
  await bundles.write(seq + 1);
  const t0 = performance.now();
  const r = await ask({ type: 'updateNow' });
  if (r.value.seq !== seq + 1) throw new Error(`${name}: update to ${seq + 1} failed: ${JSON.stringify(r.value)}`);
  console.log(`${name}: updateNow to a new ${ENTRIES}-entry bundle (fetch, verify, apply, DNR rules installed): ${ms(performance.now() - t0)}`);
}

type Bundles = Awaited<ReturnType<typeof bundleWriter>>;

/** Alternates timed navigations between the two browsers so drift hits both alike. */
async function compare(name: string, navigate: Record<'with' | 'without', (url: string) => Promise<number>>, port: number) {
  const times = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < ROUNDS + 3; i++) {
    for (const k of ['without', 'with'] as const) {
      const t = await navigate[k](`http://${HOSTS[i % HOSTS.length]}:${port}/page-${i}`);
      if (i >= 3) times[k].push(t); // the first loads warm caches up
    }
  }
  const [a, b] = [median(times.without), median(times.with)];
  console.log(`${name}: navigation median without extension ${ms(a)}, with ${ENTRIES} entries ${ms(b)}, ratio ${(b / a).toFixed(3)} (target <= 1.10)`);
}

async function chromium(updateUrl: string, bundles: Bundles, port: number) {
  await bundles.write(1);
  writeExtensionPolicy('takedown-guard-bench', { updateUrls: [updateUrl], trustedKeys: [bundles.publicKey] });
  const hosts = Object.fromEntries(HOSTS.map((h) => [h, '127.0.0.1']));
  const [withExt, without] = [await launchChromium({ hosts }), await launchChromium({ hosts, withExtension: false })];
  try {
    await waitForRules(withExt);
    const ext = await withExt.context.newPage();
    await ext.goto(`chrome-extension://${withExt.extensionId}/src/ui/popup/popup.html`);
    // No named functions inside evaluate: tsx would wrap them in a helper the page lacks.
    await timeUpdate('chromium', (m) => ext.evaluate((msg) => chrome.runtime.sendMessage(msg), m), bundles, 1);
    const timed = (page: typeof ext) => async (url: string) => {
      const t = performance.now();
      await page.goto(url, { waitUntil: 'load' });
      return performance.now() - t;
    };
    await compare('chromium', { with: timed(await withExt.context.newPage()), without: timed(await without.context.newPage()) }, port);
  } finally {
    removeExtensionPolicy('takedown-guard-bench');
    await withExt.context.close();
    await without.context.close();
  }
}

async function firefox(updateUrl: string, bundles: Bundles, port: number) {
  await bundles.write(1);
  writeFirefoxPolicy({ updateUrls: [updateUrl], trustedKeys: [bundles.publicKey] });
  const withExt = await launchFirefox({ hosts: HOSTS });
  const without = await launchFirefox({ hosts: HOSTS, withExtension: false });
  try {
    const page = await withExt.browser.newPage();
    await waitForFirefoxRules(page, `http://${HOSTS[0]}:${port}/`);
    await navigate(page, `${EXTENSION_ORIGIN}/src/ui/warning/warning.html#x`);
    await waitForLocation(page, (u) => u.startsWith(EXTENSION_ORIGIN));
    const ask: Ask = (m) =>
      page.evaluate((msg) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(msg), m) as ReturnType<Ask>;
    await timeUpdate('firefox', ask, bundles, 1);
    const timed = (p: typeof page) => async (url: string) => {
      const t = performance.now();
      await p.goto(url, { waitUntil: 'load' });
      return performance.now() - t;
    };
    await compare('firefox', { with: timed(page), without: timed(await without.browser.newPage()) }, port);
  } finally {
    removeFirefoxPolicy();
    await withExt.browser.close();
    await without.browser.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tg-bench-'));
const bundles = await bundleWriter(dir);
const updates = await startUpdateServer(dir, 0, '127.0.0.1', () => undefined);
const pages = await startServer('127.0.0.1');
try {
  await chromium(`${updates.url}bench.tgb`, bundles, pages.port);
  await firefox(`${updates.url}bench.tgb`, bundles, pages.port);
} finally {
  await updates.close();
  await pages.close();
}
