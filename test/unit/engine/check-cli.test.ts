import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../scripts/check.ts';
import { runCompile } from '../../../scripts/compile.ts';

const FIXTURES = 'test/fixtures/engine';
const GOOD = `${FIXTURES}/good-list.txt`;
const BAD = `${FIXTURES}/bad-list.txt`;

async function check(argv: string[], stdinLines: string[] = []): Promise<{ code: number; out: unknown[]; err: string }> {
  const out: unknown[] = [];
  const err: string[] = [];
  const code = await runCheck(argv, {
    stdin: async function* () {
      yield* stdinLines;
    },
    stdout: (line) => out.push(JSON.parse(line)),
    stderr: (line) => err.push(line),
  });
  return { code, out, err: err.join('\n') };
}

describe('npm run check', () => {
  it('prints one verdict per URL argument, in order, with provenance', async () => {
    const { code, out } = await check(['--no-bundled', '--list', GOOD, 'https://WWW.fixture-evil.com/a', 'http://fixture-phish.org/login/x', 'https://example.org/', 'javascript:void(0)']);
    expect(code).toBe(0);
    expect(out).toEqual([
      { input: 'https://WWW.fixture-evil.com/a', canonical: 'https://www.fixture-evil.com/a', host: 'www.fixture-evil.com', verdict: 'warn', match: { entry: 'fixture-evil.com/', list: 'good-list', line: 4 } },
      { input: 'http://fixture-phish.org/login/x', canonical: 'http://fixture-phish.org/login/x', host: 'fixture-phish.org', verdict: 'warn', match: { entry: 'fixture-phish.org/login/', list: 'good-list', line: 6 } },
      { input: 'https://example.org/', canonical: 'https://example.org/', host: 'example.org', verdict: 'ok', match: null },
      { input: 'javascript:void(0)', canonical: null, host: null, verdict: 'invalid', match: null },
    ]);
    expect(Object.keys(out[0] as object)).toEqual(['input', 'canonical', 'host', 'verdict', 'match']);
  });

  it('reads URLs from stdin when none are given', async () => {
    const { out } = await check(['--no-bundled', '--list', GOOD], ['fixture-evil2.net', '', 'http://other.net/']);
    expect(out.map((v) => (v as { verdict: string }).verdict)).toEqual(['warn', 'invalid', 'ok']);
  });

  it('uses the bundled lists unless --no-bundled', async () => {
    const url = 'https://login.bitwoll.com/';
    expect((await check([url])).out[0]).toMatchObject({ verdict: 'warn', match: { entry: 'bitwoll.com/', list: 'microsoft-v-thallium-2019' } });
    expect((await check(['--no-bundled', url])).out[0]).toMatchObject({ verdict: 'ok' });
  });

  it('fails with file:line and exit 2 on a bad list or bad usage', async () => {
    const bad = await check(['--list', BAD, 'http://a.com/']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(new RegExp(`${BAD}:3: .*public suffix`));
    expect(bad.out).toEqual([]);
    expect((await check(['--list', 'no/such/file.txt'])).code).toBe(2);
    expect((await check(['--bogus'])).code).toBe(2);
  });

  it('--lenient judges with the good lines and prints the import summary on stderr, stdout staying JSON', async () => {
    const res = await check(['--lenient', '--no-bundled', '--list', BAD, 'http://a.com/']);
    expect(res.code).toBe(0);
    expect(res.out).toHaveLength(1);
    expect(res.err).toMatch(new RegExp(`^${BAD}: \\d+ entries, 1 line\\(s\\) skipped\n  public-suffix: 1 \\(refused\\)\n    line 3: `));
    expect(res.err).toMatch(/public suffix list: the one in tldts \d/);
    expect((await check(['--list', BAD, 'http://a.com/'])).err).toMatch(/--lenient imports the other lines/);
  });

  it('compile --lenient writes the good lines; the bundled lists stay strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-compile-'));
    const log: string[] = [];
    expect(runCompile(['--lenient', BAD, '-o', join(dir, 'b.bin')], (l) => log.push(l))).toBe(0);
    expect(log).toContainEqual('  public-suffix: 1 (refused)');
    expect(log.at(-1)).toMatch(/entries from 1 list/);
  });

  it('accepts a compiled binary as --list, and rejects a corrupt one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-check-'));
    const bin = join(dir, 'good.bin');
    const log: string[] = [];
    expect(runCompile([GOOD, '-o', bin], (l) => log.push(l))).toBe(0);
    expect(log[0]).toMatch(/3 entries from 1 list/);
    const { out } = await check(['--no-bundled', '--list', bin, 'http://fixture-evil2.net/']);
    expect(out[0]).toMatchObject({ verdict: 'warn', match: { entry: 'fixture-evil2.net/', list: 'good-list', line: 4 } });
    const corrupt = join(dir, 'corrupt.bin');
    const bytes = readFileSync(bin);
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(corrupt, bytes);
    const res = await check(['--no-bundled', '--list', corrupt, 'http://a.com/']);
    expect(res.code).toBe(2);
    expect(res.err).toBe(`${corrupt}: blocklist binary: checksum mismatch`);
    expect(runCompile([BAD, '-o', join(dir, 'x.bin')], (l) => log.push(l))).toBe(2);
    expect(log.at(-1)).toMatch(/bad-list\.txt:3:/);
  });

  it('runs as a program: stdin in, JSON lines out; exit 2 on a bad list', () => {
    const tsx = [process.execPath, '--import', 'tsx', 'scripts/check.ts'] as const;
    const ok = spawnSync(tsx[0], [...tsx.slice(1), '--no-bundled', '--list', GOOD], { input: 'http://fixture-evil.com/\r\nhttp://b.org/\n', encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n').map((l) => JSON.parse(l).verdict)).toEqual(['warn', 'ok']);
    const bad = spawnSync(tsx[0], [...tsx.slice(1), '--list', BAD, 'http://a.com/'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${BAD}:3:`);
  }, 30_000);
});
