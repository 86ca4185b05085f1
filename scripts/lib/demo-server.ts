// Local web servers for the demo (npm start) and the e2e tests. Listed hosts are mapped to their own
// loopback address (127.0.0.2) so every TCP connection to them is counted,
// including preconnects that never send a request.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';

export interface CountingServer {
  port: number;
  /** TCP connections accepted, any host. */
  connections: () => number;
  /** Requests seen per Host header (without port). */
  requests: (host: string) => number;
  close: () => Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean;

const LOGIN_PAGE = readFileSync(new URL('../../test/fixtures/pages/demo-login.html', import.meta.url), 'utf8');

/** A certificate and key (PEM) for an https server. */
export interface Tls {
  cert: string;
  key: string;
}

/** Serves the demo login page for any path; extra routes come first. With `tls`, over https. */
export async function startServer(address = '127.0.0.1', routes: Route[] = [], port = 0, tls?: Tls): Promise<CountingServer> {
  let connections = 0;
  const perHost = new Map<string, number>();
  const sockets = new Set<Socket>();
  const handle: RequestListener = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    if (routes.some((r) => r(req, res))) return;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(LOGIN_PAGE.replaceAll('{{HOST}}', host));
  };
  const server: Server = tls ? createTlsServer(tls, handle) : createServer(handle);
  server.on('connection', (s: Socket) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, address, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    requests: (host) => perHost.get(host) ?? 0,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
