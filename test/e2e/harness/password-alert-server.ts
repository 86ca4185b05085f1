// The password-alert e2e servers' shared part: one server for every host,
// recording each request's host, path and body, so a test can count the
// requests that carry the password and read what reached the report URL.
import type { IncomingMessage } from 'node:http';
import { startServer, type CountingServer, type Route } from './server.ts';
import { fixtureRoute } from './fixture-route.ts';

export interface Recorded {
  host: string;
  url: string;
  method: string;
  body: string;
  /** The whole body has arrived. */
  done: boolean;
}

export interface RecordingServer extends CountingServer {
  recorded: Recorded[];
  /** Requests whose URL or body holds `secret` (also percent-encoded), at `host`. */
  carrying(secret: string, host?: string): Recorded[];
  /** Bodies POSTed to /report, parsed. */
  reports(): unknown[];
}

const hostOf = (req: IncomingMessage) => (req.headers.host ?? '').replace(/:\d+$/, '');

export async function startRecordingServer(): Promise<RecordingServer> {
  const recorded: Recorded[] = [];
  const record: Route = (req, res) => {
    const entry: Recorded = { host: hostOf(req), url: req.url ?? '', method: req.method ?? '', body: '', done: false };
    recorded.push(entry);
    req.on('data', (chunk: Buffer) => (entry.body += chunk.toString('utf8')));
    req.on('end', () => (entry.done = true));
    const path = entry.url.split('?')[0];
    if (path === '/report' || path === '/collect') {
      req.on('end', () => res.writeHead(path === '/report' ? 204 : 200, { 'content-type': 'text/plain' }).end(path === '/collect' ? 'collected' : ''));
      return true;
    }
    return false;
  };
  let port = 0;
  const server = await startServer('127.0.0.1', [record, fixtureRoute({ port: () => port })]);
  port = server.port;
  return {
    ...server,
    recorded,
    carrying: (secret, host) =>
      recorded.filter((r) => (host === undefined || r.host === host)
        && [secret, encodeURIComponent(secret)].some((s) => r.url.includes(s) || r.body.includes(s))),
    reports: () => recorded.filter((r) => r.url === '/report' && r.method === 'POST' && r.done).map((r) => JSON.parse(r.body) as unknown),
  };
}
