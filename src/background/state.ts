// The worker's in-memory state, rebuilt lazily after every worker start. The
// DNR rules themselves persist in the browser, so a start only reinstalls them
// when the lists in force changed.
import { browser, isFirefox } from '../platform/browser.ts';
import { applyRulePlan, clearPasses, installedRules } from '../platform/dnr.ts';
import { disableNetworkPrediction } from '../platform/privacy.ts';
import { t } from '../platform/i18n.ts';
import { BROWSER_LIMITS, FIREFOX_LIMITS, redirectRules } from '../core/dnr/rules.ts';
import { paced } from '../core/steps.ts';
import { macrotask } from '../platform/macrotask.ts';
import { hostsNewlyBlocked, planRuleUpdate } from '../core/dnr/rule-plan.ts';
import { removeSiteData } from '../platform/site-data.ts';
import { addressNames } from '../platform/address-names.ts';
import { Blocklist } from '../core/engine/blocklist.ts';
import { EngineSet } from '../core/engine/engine-set.ts';
import type { ListMeta } from '../core/model.ts';
import type { ListSource } from '../messages/protocol.ts';
import type { CachedList } from '../platform/list-cache.ts';
import { listsInForce } from './lists.ts';
import { effectiveSettings, type WorkerSettings } from './settings.ts';
import { adminLists, type AdminLists } from './admin-lists.ts';
import { bundleInForce } from './admin-compact.ts';
import { buildProtectedIndex, type ProtectedIndex } from '../core/lookalike/protected-index.ts';
import { DEFAULT_PROTECTED } from '../core/lookalike/protected-domains.ts';

export const WARNING_PAGE = 'src/ui/warning/warning.html';

export interface State {
  /** Lookups: `await engine.lookup(url)` (synchronous inside but for a candidate of the compact bundle, see engine-set.ts). */
  engine: EngineSet;
  /** Identity of the lists in force ("court@0.1.0 admin@42 policy#2.x1y"). */
  version: string;
  settings: WorkerSettings;
  admin: AdminLists;
  /** Every list in force with where it comes from (status page). */
  lists: Array<ListMeta & { source: ListSource }>;
  /** List id -> the version a mistake report names (extension version, bundle seq). */
  listVersions: Map<string, string>;
  /**
   * Settles once the DNR rules match this state. Lookups need not wait for it:
   * installing 1M hosts takes seconds, during which the engine already answers
   * (and the navigation guard redirects) with the new lists.
   */
  rules: Promise<void>;
  /**
   * While `rules` is pending, the engine whose rules are installed (they stay
   * in force until swapped); null once this state's rules are in, or when
   * unknown (the first load after a worker start).
   */
  rulesPending: { installed: EngineSet } | null;
  /** The protected domains (bundled + admin) whose look-alikes are suspected; built once per state. */
  protectedIndex: ProtectedIndex;
}

let current: Promise<State> | undefined;
const loadedListeners: Array<(s: State) => void> = [];

/** Calls `listener` with every state once it has loaded (lists in force; the rules may still be on their way). */
export function onStateLoaded(listener: (s: State) => void): void {
  loadedListeners.push(listener);
}

export function state(): Promise<State> {
  if (current) return current;
  const loading: Promise<State> = load().catch((e: unknown) => {
    if (current === loading) current = undefined; // let the next event try again (unless already invalidated)
    throw e;
  });
  current = loading;
  return loading;
}

/** Drops the in-memory state so the next request reloads the lists (after an update). */
export function invalidate(): Promise<State> {
  current = undefined;
  return state();
}

async function load(): Promise<State> {
  // A preconnect must not reach a listed host either. Chromium forgets this
  // extension-controlled setting across restarts, so set it on every start.
  await disableNetworkPrediction();
  const settings = await effectiveSettings();
  const cached = (await listsInForce()).filter((l) => l.key !== 'court' || settings.settings.bundledListsEnabled);
  const titles = { policy: t('listPolicyTitle'), user: t('listUserTitle'), allowed: t('listAllowTitle'), addresses: t('listAddressTitle') };
  const bundle = await bundleInForce(() => void invalidate());
  const learned = await addressNames();
  const admin = await adminLists(settings.settings, settings.userBlockedEntries, bundle.stored, bundle.rebuilt, titles, bundle.compact, learned);
  const bundled = cached.map((l) => Blocklist.load(l.bytes));
  const engine = new EngineSet([...bundled, ...admin.blocklists], admin.allow);
  const version = [...cached.map((l) => `${l.key}@${l.version}`), admin.version].filter(Boolean).sort().join(' ');
  const rulesPending = installedEngine ? { installed: installedEngine } : null;
  const rules = syncRules(engine, version, admin.excluded);
  // Bundle not yet compact (after an update, or an upgrade): build it in the background, then reload with it.
  // Only once the rules are in: the build holds the worker for seconds at 1M, which would hold up the rule install.
  const rebuild = admin.rebuild;
  if (rebuild) {
    void rules
      .catch(() => undefined)
      .then(rebuild)
      .then(async (stored) => void (stored && (await invalidate())))
      .catch((e: unknown) => console.error('Takedown Guard: rebuild', e));
  }
  const { lists, listVersions } = provenance(cached, bundled, admin);
  const protectedIndex = buildProtectedIndex(settings.settings.protectedDomains, DEFAULT_PROTECTED, settings.settings.brandDomains);
  const loaded: State = { engine, version, settings, admin, lists, listVersions, rules, rulesPending, protectedIndex };
  rules.then(
    () => (loaded.rulesPending = null),
    (e: unknown) => console.error('Takedown Guard: rules', e),
  );
  queueMicrotask(() => loadedListeners.forEach((l) => l(loaded)));
  return loaded;
}

/** Every list in force with its source, and the version a mistake report names for it. */
function provenance(cached: readonly CachedList[], bundled: readonly Blocklist[], admin: AdminLists): Pick<State, 'lists' | 'listVersions'> {
  const lists = [...bundled.flatMap((b) => b.lists.map((l) => ({ ...l, source: 'bundled' as const }))), ...admin.lists];
  const listVersions = new Map<string, string>();
  bundled.forEach((b, i) => b.lists.forEach((l) => listVersions.set(l.id, cached[i]!.version)));
  for (const l of admin.lists) listVersions.set(l.id, l.source === 'admin-bundle' ? `bundle ${admin.bundle?.seq}` : l.source);
  return { lists, listVersions };
}

/*
 * In Chromium the warning page is web-accessible only at a dynamic URL
 * (manifest `use_dynamic_url`, so pages cannot probe for the extension at its
 * fixed id), and runtime.getURL gives that URL, which changes at each browser
 * start. It is part of the install key below, so the rules are rewritten then;
 * until they are, a listed site gets the browser's error page: no request
 * leaves, but no warning either (measured in Chromium 156).
 */

/**
 * The shape of the rules this code builds: part of the installed version, so
 * an extension update that changes it reinstalls the rules even when the
 * lists are the same (v2: every resource type, path entries, IPv6 aliases;
 * v3: path entries over the regex budget held, not left to the guard;
 * v6: a form POST to a held host not held, the blocks of its listed paths cover it).
 */
const RULES_FORMAT = 'rules-v6';

/** Hosts whose service workers and caches one rules install removes (platform/site-data.ts). */
const MAX_SITE_DATA_HOSTS = 20_000;

let rulesQueue: Promise<void> = Promise.resolve();
/** The engine whose redirect rules were installed last by this worker. */
let installedEngine: EngineSet | null = null;

/** One install at a time: two overlapping loads must not interleave their rule swaps. */
function syncRules(engine: EngineSet, version: string, excluded: readonly string[]): Promise<void> {
  const next = rulesQueue.then(async () => {
    await installRules(engine, version, excluded);
    installedEngine = engine;
  });
  rulesQueue = next.catch(() => undefined);
  return next;
}

const rulesTarget = (warningUrl: string) => ` -> ${warningUrl}`;
let rulesRedirectHereKnown = false;

/**
 * Whether the installed rules redirect to this session's warning URL. After a
 * browser restart they name the last session's (dynamic URL) until rewritten:
 * meanwhile the navigation guard must redirect itself.
 */
export async function rulesRedirectHere(): Promise<boolean> {
  if (!rulesRedirectHereKnown) rulesRedirectHereKnown = (await installedRules())?.version.endsWith(rulesTarget(browser.runtime.getURL(WARNING_PAGE))) ?? false;
  return rulesRedirectHereKnown;
}

async function installRules(engine: EngineSet, version: string, excluded: readonly string[]): Promise<void> {
  const warningUrl = browser.runtime.getURL(WARNING_PAGE);
  const key = `${RULES_FORMAT} ${version}${rulesTarget(warningUrl)}`;
  const installed = await installedRules();
  if (installed?.version === key) return;
  // The compact bundle's records are read whole for this, and garbage once the rules are built.
  const rules = await paced(redirectRules(await engine.hostSources(), warningUrl, excluded, isFirefox() ? FIREFOX_LIMITS : BROWSER_LIMITS), macrotask);
  const plan = planRuleUpdate(installed, rules);
  await applyRulePlan(key, plan);
  rulesRedirectHereKnown = true;
  await clearPasses(); // a page passed as unlisted may be listed now
  void removeSiteData(hostsNewlyBlocked(plan, MAX_SITE_DATA_HOSTS));
}

