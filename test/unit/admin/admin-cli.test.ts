// The admin CLI end to end in a temp dir, through runAdmin (no child processes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../../../scripts/admin/run.ts';
import { verify } from '../../../scripts/admin/verify.ts';
import { verifyBundle } from '../../../src/core/bundle/verify.ts';
import { applyDelta, emptyOverlay, materialize } from '../../../src/core/bundle/delta.ts';
import { listsOf } from '../../../scripts/admin/io.ts';

const FIXTURES = new URL('../../fixtures/admin/', import.meta.url).pathname;
let dir = '';
const at = (name: string) => join(dir, name);

interface Run { code: number; out: string[]; err: string[] }
async function admin(...argv: string[]): Promise<Run> {
  const run: Run = { code: -1, out: [], err: [] };
  run.code = await runAdmin(argv, { out: (l) => run.out.push(l), err: (l) => run.err.push(l) });
  return run;
}

const key = () => at('keys/takedown-guard.key');
const pub = () => at('keys/takedown-guard.pub');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tg-admin-'));
  expect((await admin('keygen', '--out', at('keys'))).code).toBe(0);
  expect((await admin('build', '--key', key(), '--seq', '1', '-o', at('b1.tgb'), FIXTURES + 'v1/corp.txt')).code).toBe(0);
  expect((await admin('build', '--key', key(), '--seq', '2', '--name', 'corp', '-o', at('b2.tgb'), FIXTURES + 'v2/corp.txt')).code).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('keygen', () => {
  it('writes an owner-only private key and a policy-ready public key', async () => {
    expect((await stat(key())).mode & 0o777).toBe(0o600);
    expect((await readFile(pub(), 'utf8')).trim()).toMatch(/^p256:[A-Za-z0-9+/]+=*$/);
  });

  it('refuses to overwrite an existing key', async () => {
    const r = await admin('keygen', '--out', at('keys'));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/already exists/);
  });
});

describe('build and verify', () => {
  it('verifies a built bundle and prints one JSON line', async () => {
    const r = await admin('verify', '--pub', pub(), at('b1.tgb'));
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const info = JSON.parse(r.out[0]!);
    expect(info).toMatchObject({ valid: true, kind: 'full', seq: 1, entries: 4, lists: [{ id: 'corp', title: 'Example Corp blocklist', count: 4 }] });
    // Format 2, with its sizes (total, per entry, per list) in the JSON and in words on stderr.
    expect(info).toMatchObject({ format: 2, bytes: expect.any(Number), bytesPerEntry: expect.any(Number), lists: [{ bytes: expect.any(Number) }] });
    expect(r.err.join('\n')).toMatch(/format 2: \d+ bytes, 4 entries, [\d.]+ bytes\/entry\n  list corp: 4 entries/);
  });

  it('creates the output folder, as in a fresh checkout, and leaves no temporary file', async () => {
    const r = await admin('build', '--key', key(), '--seq', '1', '-o', at('new/folder/b.tgb'), FIXTURES + 'v1/corp.txt');
    expect(r.code).toBe(0);
    expect((await admin('verify', '--pub', pub(), at('new/folder/b.tgb'))).code).toBe(0);
    expect(await readdir(at('new/folder'))).toEqual(['b.tgb']);
  });

  it('stops on a bad list line, naming file and line', async () => {
    const r = await admin('build', '--key', key(), '--seq', '3', '-o', at('x.tgb'), FIXTURES + 'bad-line.txt');
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/bad-line\.txt:3: .*public suffix/);
  });

  it('refuses two lists with the same id', async () => {
    const r = await admin('build', '--key', key(), '--seq', '3', '-o', at('x.tgb'), FIXTURES + 'v1/corp.txt', FIXTURES + 'v2/corp.txt');
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/two lists have the id "corp"/);
  });

  it('reports a tampered bundle on stderr with exit 1', async () => {
    const bytes = await readFile(at('b1.tgb'));
    bytes[bytes.length - 100]! ^= 1;
    await writeFile(at('tampered.tgb'), bytes);
    const r = await admin('verify', '--pub', pub(), at('tampered.tgb'));
    expect(r).toMatchObject({ code: 1, out: [] });
    expect(r.err[0]).toMatch(/^invalid \(bad-signature\)/);
  });

  it('reports a bundle from another key and an expired one', async () => {
    await admin('keygen', '--out', at('other'));
    const r = await admin('verify', '--pub', at('other/takedown-guard.pub'), at('b1.tgb'));
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/untrusted-key/);
    const err: string[] = [];
    const code = await verify(['--pub', pub(), at('b1.tgb')], { out: () => {}, err: (l) => err.push(l) }, new Date(Date.now() + 31 * 86_400_000));
    expect(code).toBe(1);
    expect(err[0]).toMatch(/expired/);
  });
});

describe('build --lenient and --allow-suffix', () => {
  it('without --lenient, points at it after the bad line', async () => {
    const r = await admin('build', '--key', key(), '--seq', '3', '-o', at('x.tgb'), FIXTURES + 'bad-line.txt');
    expect(r.err[0]).toMatch(/bad-line\.txt:3: "co\.uk" is a public suffix[^\n]*\n\(--lenient imports the other lines/);
  });

  it('imports the good lines, prints the summary and signs it into the bundle, which verifies', async () => {
    const r = await admin('build', '--lenient', '--key', key(), '--seq', '3', '-o', at('lenient.tgb'), FIXTURES + 'bad-line.txt');
    expect(r.code).toBe(0);
    expect(r.err.slice(0, 3)).toEqual([
      `${FIXTURES}bad-line.txt: 1 entries, 1 line(s) skipped`,
      '  public-suffix: 1 (refused)',
      '    line 3: co.uk',
    ]);
    expect(r.err[3]).toMatch(/^public suffix list: the one in tldts \d+\.\d+\.\d+$/);
    const v = await admin('verify', '--pub', pub(), at('lenient.tgb'));
    expect(JSON.parse(v.out[0]!).lists).toEqual([
      { id: 'bad-line', title: 'A list with a bad line', count: 1, bytes: expect.any(Number), bytesPerEntry: expect.any(Number), skipped: { lines: 1, reasons: [{ code: 'public-suffix', count: 1, first: [{ line: 3, text: 'co.uk' }] }] } },
    ]);
  });

  it('lists a whole hosting service only when named with --allow-suffix', async () => {
    await writeFile(at('hosting.txt'), 'github.io\nkit.pages.dev\n');
    expect((await admin('build', '--key', key(), '--seq', '3', '-o', at('h.tgb'), at('hosting.txt'))).err[0]).toMatch(/hosting\.txt:1: .*--allow-suffix github\.io/);
    const r = await admin('build', '--allow-suffix', 'github.io', '--key', key(), '--seq', '3', '-o', at('h.tgb'), at('hosting.txt'));
    expect(r.code).toBe(0);
    expect(JSON.parse((await admin('verify', '--pub', pub(), at('h.tgb'))).out[0]!)).toMatchObject({ entries: 2 });
  });
});

describe('diff', () => {
  it('signs a delta that turns the old bundle into the new one', async () => {
    expect((await admin('diff', '--key', key(), '--seq', '2', '-o', at('d2.tgb'), at('b1.tgb'), at('b2.tgb'))).code).toBe(0);
    const r = await admin('verify', '--pub', pub(), '--current', '1', at('d2.tgb'));
    expect(JSON.parse(r.out[0]!)).toMatchObject({ valid: true, kind: 'delta', seq: 2, baseSeq: 1, adds: 1, removes: 1 });

    const opts = { trustedKeys: [(await readFile(pub(), 'utf8')).trim()], now: Date.now() };
    const read = async (name: string, currentSeq: number | null) => {
      const res = await verifyBundle(await readFile(at(name)), { ...opts, currentSeq });
      if (!res.ok) throw new Error(res.error.message);
      return res.bundle;
    };
    const [b1, b2, d2] = [await read('b1.tgb', null), await read('b2.tgb', null), await read('d2.tgb', 1)];
    const applied = materialize(await listsOf(b1), applyDelta(emptyOverlay(1, b1.header.lists), d2));
    const exprs = (ls: typeof applied) => ls.map((l) => [l.meta, l.entries.map((e) => e.expression).sort()]);
    expect(exprs(applied)).toEqual(exprs(await listsOf(b2)));
  });

  it('refuses a sequence number not above the old bundle', async () => {
    const r = await admin('diff', '--key', key(), '--seq', '1', '-o', at('d.tgb'), at('b1.tgb'), at('b2.tgb'));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/must be higher than/);
  });

  it('replays of the delta are refused by verify --current', async () => {
    const r = await admin('verify', '--pub', pub(), '--current', '2', at('d2.tgb'));
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/replayed/);
  });
});

describe('usage errors', () => {
  it.each([
    [['frobnicate'], /unknown command/],
    [['verify', '--pub'], /--pub needs a value/],
    [['verify', '--pubkey', 'x', 'y'], /unknown option --pubkey/],
    [['verify', '--pub', '/nonexistent/k.pub', 'b'], /cannot read public key .*ENOENT/],
    [['build', '--key', '/nonexistent.key', '--seq', '1', '-o', '/tmp/x', 'l.txt'], /cannot read private key/],
    [['build', '--seq', 'one', '-o', 'x', 'l.txt'], /--seq must be a positive whole number/],
    [['build', '--seq', '1', '--expires', 'soon', '-o', 'x', 'l.txt'], /--expires must be an ISO date/],
    [['build', '--seq', '1', '--expires', '2001-01-01', '-o', 'x', 'l.txt'], /not in the future/],
    [['build', '--key', 'k', '--seq', '1', '-o', 'x'], /no LIST file/],
    [['diff', '--key', 'k', '--seq', '2', '-o', 'x', 'only-one'], /exactly two bundles/],
    [['serve', '--dir', '/nonexistent-dir', '--port', '0'], /not a directory/],
    [['serve', '--dir', '.', '--port', 'http'], /--port must be/],
    [['keygen'], /missing --out/],
  ])('%j exits 2 with a message', async (argv, message) => {
    const r = await admin(...argv);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
  });

  it.each(['keygen', 'build', 'diff', 'verify', 'serve'])('%s --help prints usage and exits 0', async (command) => {
    const r = await admin(command, '--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(new RegExp(`^Usage: npm run --silent admin -- ${command} `));
  });
});
