// What the admin puts in force, as engine Blocklists: the signed bundle
// (base + delta overlay), the policy's blockedEntries, and allowedEntries as
// the allow-list (plus the hosts DNR must not redirect).
//
// The bundle's lists are in force as the compact engine (admin-compact.ts)
// once it is stored. Until then (just after an update, or after upgrading
// from a version without it) they are in force as the state's v1 binaries:
// delta adds compiled into a small extra Blocklist at once, removals only
// once applied (the compact form, or an old 'rebuilt'), since until then the
// removed entries keep blocking, which is the fail-safe direction. `rebuild`
// builds and stores the compact form in the background.
//
// Only the bundle goes compact: it is the list that can hold millions of
// entries. The policy and user lists and the allow-list are small, change
// with settings (not stored), and are answered without a read as Blocklists.
import type { ListMeta } from '../core/model.ts';
import type { ListSource } from '../messages/protocol.ts';
import type { ManagedSettings } from '../core/policy/settings.ts';
import { Blocklist } from '../core/engine/blocklist.ts';
import type { CompileEntry } from '../core/engine/compile.ts';
import type { Tier } from '../core/engine/engine-set.ts';
import { overlayAdds, rebuildLists, stillTrusted, summaryOf, type BundleState, type BundleSummary } from '../core/bundle/index.ts';
import { parseEntry } from '../core/url/entry.ts';
import type { RebuiltLists, StoredBundle } from '../platform/bundle-store.ts';
import { storeCompact, type CompactInForce } from './admin-compact.ts';
import { macrotask } from '../platform/macrotask.ts';

export const POLICY_LIST = 'policy';
export const USER_LIST = 'user';
export const ADDRESS_LIST = 'addresses';

/** Titles of the lists made from settings (localised by the caller). */
export interface ListTitles {
  policy: string;
  user: string;
  allowed: string;
  addresses: string;
}
const DEFAULT_TITLES: ListTitles = {
  policy: 'Blocked by your organisation',
  user: 'Your own blocked entries',
  allowed: 'Allowed by your organisation',
  addresses: 'Names that lead to a listed address (this browser session)',
};
export const ALLOW_LIST = 'allowed';

export interface AdminLists {
  /** In priority order: the bundle's (compact once stored), then the policy's and user's. */
  blocklists: Tier[];
  allow: Blocklist | null;
  /** Hosts of domain/IP allowedEntries: DNR's excludedRequestDomains. */
  excluded: string[];
  /** The admin bundle's lists with their current counts, and the policy list. */
  lists: Array<ListMeta & { source: ListSource }>;
  /** Part of the state version: changes whenever any of the above does. */
  version: string;
  problems: string[];
  /** The bundle in force (null when none, or when its key is no longer trusted). */
  bundle: BundleSummary | null;
  /** Set while the bundle is not in force as the compact engine: builds and stores it, true once stored (then reload). */
  rebuild: (() => Promise<boolean>) | null;
}

function entriesOf(expressions: readonly string[]): CompileEntry[] {
  const out: CompileEntry[] = [];
  for (const text of expressions) {
    const r = parseEntry(text);
    if (r.ok) out.push({ expression: r.expression, kind: r.kind, line: 0 });
  }
  return out;
}

function policyList(id: string, title: string, expressions: readonly string[], origin: ListMeta['origin'] = 'admin'): { meta: ListMeta; entries: CompileEntry[] } | null {
  const entries = entriesOf(expressions);
  return entries.length === 0 ? null : { meta: { id, title, origin, count: entries.length }, entries };
}

/** FNV-1a: a short, stable identity for the policy entries (not security relevant). */
function fingerprint(values: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const c of values.join('\n')) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return `${values.length}.${h.toString(36)}`;
}

/**
 * The bundle's Blocklists: a format-2 state's lists (deltas applied) compiled
 * from its wire section; for a format-1 state the rebuild when current, else
 * base lists still declared + the overlay's adds.
 */
async function bundleBlocklists(state: BundleState, rebuilt: RebuiltLists | null): Promise<{ blocklists: Blocklist[]; rebuilt: boolean }> {
  // No binary travels in format 2: until its compact form is stored, compile in memory (a few seconds at 1M, once per update).
  if (state.wire) return { blocklists: [Blocklist.fromLists(await rebuildLists(state, macrotask))], rebuilt: state.overlay.removed.size > 0 };
  if (rebuilt?.seq === state.seq) return { blocklists: [Blocklist.load(rebuilt.compiled)], rebuilt: true };
  const declared = new Set(state.overlay.lists.map((l) => l.id));
  const base = state.compiled.filter((_, i) => declared.has(state.fullLists[i]!.id)).map((c) => Blocklist.load(c));
  const adds = overlayAdds(state.overlay);
  if (adds.length > 0) base.push(Blocklist.fromLists(adds));
  return { blocklists: base, rebuilt: false };
}

/**
 * Seqs compacted (or tried) in this worker's life: a reload meanwhile must
 * not start a second (1M-entry) build, and a form that is stored but then
 * does not open, or a build that fails, must not loop. The state's binaries
 * stay in force then, until the next worker start tries again.
 */
const attempted = new Set<number>();

function compactOnce(state: BundleState): Promise<boolean> {
  attempted.add(state.seq);
  return storeCompact(state);
}

/** The bundle's tiers: the compact engine when stored, else the state's binaries (see the top). */
async function bundleTiers(compact: CompactInForce | null, stored: StoredBundle | null, rebuilt: RebuiltLists | null): Promise<{ tiers: Tier[]; removalsApplied: boolean }> {
  if (compact) return { tiers: [compact.engine], removalsApplied: compact.summary.removals };
  const b = await bundleBlocklists(stored!.state, rebuilt);
  return { tiers: b.blocklists, removalsApplied: b.rebuilt };
}

/**
 * `userBlocked`: the user's own entries among settings.blockedEntries (listed
 * apart, so their warning does not claim the organisation blocked them).
 * `rebuilt`: the last stored rebuild, used only when it matches the bundle in force.
 * `compact`: the bundle in force as the compact engine; when given, `stored`
 * and `rebuilt` are not used (and need not be read).
 */
export async function adminLists(
  settings: ManagedSettings,
  userBlocked: readonly string[],
  stored: StoredBundle | null,
  rebuilt: RebuiltLists | null,
  titles: ListTitles = DEFAULT_TITLES,
  compact: CompactInForce | null = null,
  addressNames: readonly string[] = [],
): Promise<AdminLists> {
  const out: AdminLists = { blocklists: [], allow: null, excluded: [], lists: [], version: '', problems: [], bundle: null, rebuild: null };
  const parts: string[] = [];
  const bundle = compact?.summary ?? (stored && summaryOf(stored.state));
  if (bundle && !(await stillTrusted(bundle, settings.trustedKeys))) {
    out.problems.push(`The admin bundle ${bundle.seq} is signed by key ${bundle.keyId}, which the policy no longer trusts: its lists are off.`);
  } else if (bundle) {
    // An expired bundle stays in force (dropping it would unblock its entries) until a newer one arrives.
    if (Date.parse(bundle.expires) <= Date.now()) out.problems.push(`The admin bundle ${bundle.seq} expired on ${bundle.expires}; it stays in force until a newer one is fetched.`);
    const b = await bundleTiers(compact, stored, rebuilt);
    out.bundle = bundle;
    out.blocklists.push(...b.tiers);
    out.lists.push(...bundle.lists.map((l) => ({ ...l, source: 'admin-bundle' as const })));
    if (!compact && stored && !attempted.has(bundle.seq)) out.rebuild = () => compactOnce(stored.state);
    // The same lists give the same version whichever form holds them, so switching forms reinstalls no rules.
    parts.push(`admin@${bundle.seq}${b.removalsApplied ? '+rebuilt' : ''}`);
  }
  const mine = new Set(userBlocked);
  const theirs = settings.blockedEntries.filter((e) => !mine.has(e));
  const lists = [
    policyList(POLICY_LIST, titles.policy, theirs),
    policyList(USER_LIST, titles.user, [...mine], 'user'),
    policyList(ADDRESS_LIST, titles.addresses, addressNames, 'address'),
  ].filter((l) => l !== null);
  if (lists.length > 0) {
    out.blocklists.push(Blocklist.fromLists(lists));
    out.lists.push(...lists.map((l) => ({ ...l.meta, source: l.meta.origin === 'admin' ? ('policy' as const) : ('user' as const) })));
    parts.push(`policy#${fingerprint(theirs)}`, `user#${fingerprint([...mine])}`);
    if (addressNames.length > 0) parts.push(`addresses#${fingerprint(addressNames)}`);
  }
  const allowed = policyList(ALLOW_LIST, titles.allowed, settings.allowedEntries);
  if (allowed) {
    out.allow = Blocklist.fromLists([allowed]);
    out.excluded = allowed.entries.filter((e) => e.kind === 'domain' || e.kind === 'ip').map((e) => e.expression.slice(0, e.expression.indexOf('/')));
    parts.push(`allow#${fingerprint(settings.allowedEntries)}`);
  }
  out.version = parts.join(' ');
  return out;
}
