// The worker's in-memory state, rebuilt lazily after every worker start. The
// DNR rules themselves persist in the browser, so a start only reinstalls them
// when the lists in force changed.
import { browser } from '../platform/browser.ts';
import { replaceDynamicRules } from '../platform/dnr.ts';
import { disableNetworkPrediction } from '../platform/privacy.ts';
import { buildRedirectRules, redirectHosts } from '../core/dnr/rules.ts';
import { Blocklist } from '../core/engine/blocklist.ts';
import { BlocklistSet } from '../core/engine/blocklist-set.ts';
import { listsInForce } from './lists.ts';

export const WARNING_PAGE = 'src/ui/warning/warning.html';

export interface State {
  engine: BlocklistSet;
  /** Identity of the lists in force ("court@0.1.0 admin@42"). */
  version: string;
}

let current: Promise<State> | undefined;

export function state(): Promise<State> {
  current ??= load().catch((e: unknown) => {
    current = undefined; // let the next event try again
    throw e;
  });
  return current;
}

/** Drops the in-memory state so the next request reloads the lists (after an update). */
export function invalidate(): Promise<State> {
  current = undefined;
  return state();
}

async function load(): Promise<State> {
  const cached = await listsInForce();
  const engine = new BlocklistSet(cached.map((l) => Blocklist.load(l.bytes)));
  const version = cached.map((l) => `${l.key}@${l.version}`).sort().join(' ');
  await syncRules(engine, version);
  return { engine, version };
}

async function syncRules(engine: BlocklistSet, version: string): Promise<void> {
  const warningUrl = browser.runtime.getURL(WARNING_PAGE);
  const key = `${version} -> ${warningUrl}`;
  const { rulesVersion } = await browser.storage.local.get('rulesVersion');
  if (rulesVersion === key) return;
  // Before the rules: a preconnect must not reach a listed host either.
  await disableNetworkPrediction();
  await replaceDynamicRules(buildRedirectRules(redirectHosts(engine.blocklists), warningUrl));
  await browser.storage.local.set({ rulesVersion: key });
}
