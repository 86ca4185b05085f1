// serve: a static update server for testing. Serves the files of one directory
// (GET/HEAD only, no listing, no path outside DIR), logs every request, and
// binds 127.0.0.1 unless told otherwise.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { parseArgs, required, UsageError } from './args.ts';
import type { Io } from './io.ts';

export const SERVE_HELP = `Usage: npm run --silent admin -- serve --dir DIR [--port P] [--host 127.0.0.1]

Serves the files in DIR over http for testing an update policy, e.g.
updateUrls: ["http://127.0.0.1:8787/bundle.tgb"]. Logs each request.
Default port 8787 (0 picks a free one); binds 127.0.0.1 unless --host says otherwise.
Stop with Ctrl-C.`;

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function fileFor(root: string, urlPath: string): Promise<string | null> {
  let path: string;
  try {
    path = resolve(root, '.' + decodeURIComponent(urlPath));
  } catch {
    return null;
  }
  if (path !== root && !path.startsWith(root + sep)) return null;
  const s = await stat(path).catch(() => null);
  return s?.isFile() ? path : null;
}

export async function startServer(dir: string, port: number, host: string, log: (line: string) => void): Promise<RunningServer> {
  const root = resolve(dir);
  if (!(await stat(root).catch(() => null))?.isDirectory()) throw new UsageError(`--dir ${dir} is not a directory`);
  const server = createServer((req, res) => {
    void (async () => {
      const path = req.method === 'GET' || req.method === 'HEAD' ? await fileFor(root, new URL(req.url ?? '/', 'http://x').pathname) : null;
      const body = path ? await readFile(path).catch(() => null) : null;
      const status = req.method !== 'GET' && req.method !== 'HEAD' ? 405 : body ? 200 : 404;
      res.writeHead(status, {
        'content-type': status === 200 ? 'application/octet-stream' : 'text/plain; charset=utf-8',
        'content-length': String(body?.length ?? 0),
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' || !body ? undefined : body);
      log(`${new Date().toISOString()} ${req.method} ${req.url} ${status} ${body?.length ?? 0}`);
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => fail(new UsageError(`cannot listen on ${host}:${port}: ${e.code ?? e.message}`)));
    server.listen(port, host, ok);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shown}:${actual}/`, server, close: () => new Promise((ok) => server.close(() => ok())) };
}

function portFlag(text: string | undefined): number {
  if (text === undefined) return 8787;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new UsageError(`--port must be 0..65535, got ${JSON.stringify(text)}`);
  return n;
}

/** Runs until SIGINT/SIGTERM (or `signal` aborts, for tests). */
export async function serve(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  const args = parseArgs(argv, { flags: { dir: true, port: true, host: true } });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const host = args.values.get('host') ?? '127.0.0.1';
  const running = await startServer(required(args, 'dir'), portFlag(args.values.get('port')), host, io.out);
  io.err(`serving ${resolve(required(args, 'dir'))} at ${running.url} (Ctrl-C to stop)`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') io.err(`warning: listening on ${host}, reachable from other machines`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await running.close();
  return 0;
}
