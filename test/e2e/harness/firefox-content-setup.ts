// Firefox side of content-setup.ts: one Firefox with the add-on and one server
// for the fixture pages, the given hosts mapped to it; started once the rules
// are in force (an unlisted fixture page loads).
import { launchFirefox, waitForFirefoxRules, type LaunchedFirefox } from '../../../scripts/lib/firefox.ts';
import { startServer, type CountingServer } from './server.ts';
import { fixtureRoute, fixtureUrl } from './fixture-route.ts';
import { UNLISTED } from './content-setup.ts';

export interface FirefoxContentEnv {
  ff: LaunchedFirefox;
  server: CountingServer;
  url(host: string, fixture: string, hash?: string): string;
  close(): Promise<void>;
}

export async function startFirefoxContentEnv(hosts: string[]): Promise<FirefoxContentEnv> {
  let port = 0;
  const server = await startServer('127.0.0.1', [fixtureRoute({ port: () => port })]);
  port = server.port;
  const ff = await launchFirefox({ hosts });
  const url = (host: string, fixture: string, hash = '') => fixtureUrl(host, port, fixture, hash);
  const page = await ff.browser.newPage();
  await waitForFirefoxRules(page, url(UNLISTED, 'links-clean.html'));
  await page.close();
  return { ff, server, url, close: async () => (await ff.browser.close(), await server.close()) };
}
