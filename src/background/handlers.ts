// Answers the requests of src/messages/protocol.ts. Content scripts run in
// pages we do not trust, so what they may ask is narrow: verdicts, and
// "continue" only for the host of their own tab.
import type { HostResult, Request, RequestOf, ResponseMap } from '../messages/protocol.ts';
import type { Sender } from '../platform/messaging.ts';
import { allowHostForSession } from '../platform/dnr.ts';
import { sessionAllowedHosts } from '../platform/allowed-hosts.ts';
import { state } from './state.ts';
import { blockedFinding, hostOf } from './findings.ts';

type Handlers = { [T in Request['type']]: (r: RequestOf<T>, s: Sender) => Promise<ResponseMap[T]> };

async function findingsForHosts(hosts: readonly string[]): Promise<HostResult[]> {
  const { engine } = await state();
  return hosts.map((host) => ({ host, finding: blockedFinding(engine, engine.lookup(`http://${host}/`)) }));
}

const handlers: Handlers = {
  async lookup({ url }) {
    const { engine } = await state();
    const verdict = engine.lookup(url);
    return { verdict, finding: blockedFinding(engine, verdict), continueMode: 'session' };
  },

  async checkHosts({ hosts }) {
    return (await findingsForHosts(hosts)).filter((r) => r.finding !== null);
  },

  async assessPage({ url, targets }) {
    const { engine } = await state();
    const host = hostOf(url);
    const allowed = await sessionAllowedHosts();
    return {
      page: blockedFinding(engine, engine.lookup(url)),
      targets: (await findingsForHosts(targets)).filter((r) => r.finding !== null),
      continued: host !== null && allowed.has(host),
      continueMode: 'session',
    };
  },

  async proceed({ url }, sender) {
    const host = hostOf(url);
    if (!host) return { ok: false, error: 'invalid address' };
    // A content script may only lift the warning of the page it runs in.
    if (!sender.fromExtensionPage && hostOf(sender.tabUrl ?? '') !== host) return { ok: false, error: 'not allowed' };
    await allowHostForSession(host);
    return { ok: true };
  },

  async status() {
    const { engine, version } = await state();
    return { version, lists: engine.lists };
  },
};

export function handle(request: Request, sender: Sender): Promise<unknown> {
  const h = handlers[request.type] as (r: Request, s: Sender) => Promise<unknown>;
  return h(request, sender);
}
