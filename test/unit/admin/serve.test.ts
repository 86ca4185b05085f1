import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../scripts/admin/serve.ts';
import { readCapped } from '../../../src/core/bundle/read-capped.ts';

let dir = '';
let server: RunningServer;
const log: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tg-serve-'));
  await writeFile(join(dir, 'bundle.tgb'), Uint8Array.of(1, 2, 3));
  server = await startServer(dir, 0, '127.0.0.1', (l) => log.push(l));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('serve', () => {
  it('binds 127.0.0.1 and serves a file uncached', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(server.url + 'bundle.tgb');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await readCapped(res.body, Number(res.headers.get('content-length')));
    expect(body.ok && [...body.bytes]).toEqual([1, 2, 3]);
  });

  it('answers 404 for missing files, directories and paths outside DIR, 405 for writes', async () => {
    expect((await fetch(server.url + 'missing.tgb')).status).toBe(404);
    expect((await fetch(server.url)).status).toBe(404);
    expect((await fetch(server.url + '..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await fetch(server.url + 'bundle.tgb', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('logs each request with method, path and status', async () => {
    await fetch(server.url + 'bundle.tgb');
    expect(log.at(-1)).toMatch(/ GET \/bundle\.tgb 200 3$/);
  });
});
