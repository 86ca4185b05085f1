// What the admin puts in force, as engine Blocklists: the signed bundle
// (base + delta overlay), the policy's blockedEntries, and allowedEntries as
// the allow-list (plus the hosts DNR must not redirect).
//
// Delta adds are compiled into a small extra Blocklist at once. Removals need
// the base recompiled, which `rebuild` does in the background; until then the
// removed entries keep blocking, which is the fail-safe direction.
import type { ListMeta } from '../core/model.ts';
import type { ListSource } from '../messages/protocol.ts';
import type { ManagedSettings } from '../core/policy/settings.ts';
import { Blocklist } from '../core/engine/blocklist.ts';
import type { CompileEntry } from '../core/engine/compile.ts';
import { overlayAdds, rebuildLists, stillTrusted, type BundleState } from '../core/bundle/index.ts';
import { parseEntry } from '../core/url/entry.ts';
import { writeRebuilt, type RebuiltLists, type StoredBundle } from '../platform/bundle-store.ts';

export const POLICY_LIST = 'policy';
export const USER_LIST = 'user';

/** Titles of the lists made from settings (localised by the caller). */
export interface ListTitles {
  policy: string;
  user: string;
  allowed: string;
}
const DEFAULT_TITLES: ListTitles = { policy: 'Blocked by your organisation', user: 'Your own blocked entries', allowed: 'Allowed by your organisation' };
export const ALLOW_LIST = 'allowed';

export interface AdminLists {
  blocklists: Blocklist[];
  allow: Blocklist | null;
  /** Hosts of domain/IP allowedEntries: DNR's excludedRequestDomains. */
  excluded: string[];
  /** The admin bundle's lists with their current counts, and the policy list. */
  lists: Array<ListMeta & { source: ListSource }>;
  /** Part of the state version: changes whenever any of the above does. */
  version: string;
  problems: string[];
  /** The bundle in force (null when none, or when its key is no longer trusted). */
  bundle: BundleState | null;
  /** Set when delta removals await a recompile: resolves true once stored (then reload). */
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

/** The bundle's Blocklists: the rebuild when current, else base lists still declared + the overlay's adds. */
function bundleBlocklists(state: BundleState, rebuilt: RebuiltLists | null): { blocklists: Blocklist[]; rebuilt: boolean; pending: boolean } {
  if (rebuilt?.seq === state.seq) return { blocklists: [Blocklist.load(rebuilt.compiled)], rebuilt: true, pending: false };
  const declared = new Set(state.overlay.lists.map((l) => l.id));
  const base = state.compiled.filter((_, i) => declared.has(state.fullLists[i]!.id)).map((c) => Blocklist.load(c));
  const adds = overlayAdds(state.overlay);
  if (adds.length > 0) base.push(Blocklist.fromLists(adds));
  return { blocklists: base, rebuilt: false, pending: state.overlay.removed.size > 0 };
}

/** The bundle's complete lists (deltas' removals applied) as one compiled Blocklist. */
export async function rebuildBundle(state: BundleState): Promise<RebuiltLists> {
  return { seq: state.seq, compiled: Blocklist.compile(await rebuildLists(state)) };
}

/** Seqs being rebuilt now: a reload meanwhile must not start a second (1M-entry) compile. */
const rebuilding = new Set<number>();

async function rebuildOnce(state: BundleState): Promise<boolean> {
  rebuilding.add(state.seq);
  try {
    return await writeRebuilt(await rebuildBundle(state));
  } finally {
    rebuilding.delete(state.seq);
  }
}

/**
 * `userBlocked`: the user's own entries among settings.blockedEntries (listed
 * apart, so their warning does not claim the organisation blocked them).
 * `rebuilt`: the last stored rebuild, used only when it matches the bundle in force.
 */
export async function adminLists(
  settings: ManagedSettings,
  userBlocked: readonly string[],
  stored: StoredBundle | null,
  rebuilt: RebuiltLists | null,
  titles: ListTitles = DEFAULT_TITLES,
): Promise<AdminLists> {
  const out: AdminLists = { blocklists: [], allow: null, excluded: [], lists: [], version: '', problems: [], bundle: null, rebuild: null };
  const parts: string[] = [];
  if (stored && !(await stillTrusted(stored.state, settings.trustedKeys))) {
    out.problems.push(`The admin bundle ${stored.state.seq} is signed by key ${stored.state.keyId}, which the policy no longer trusts: its lists are off.`);
  } else if (stored) {
    const { state } = stored;
    // An expired bundle stays in force (dropping it would unblock its entries) until a newer one arrives.
    if (Date.parse(state.expires) <= Date.now()) out.problems.push(`The admin bundle ${state.seq} expired on ${state.expires}; it stays in force until a newer one is fetched.`);
    const b = bundleBlocklists(state, rebuilt);
    out.bundle = state;
    out.blocklists.push(...b.blocklists);
    out.lists.push(...state.overlay.lists.map((l) => ({ ...l, source: 'admin-bundle' as const })));
    if (b.pending && !rebuilding.has(state.seq)) out.rebuild = () => rebuildOnce(state);
    parts.push(`admin@${state.seq}${b.rebuilt ? '+rebuilt' : ''}`);
  }
  const mine = new Set(userBlocked);
  const theirs = settings.blockedEntries.filter((e) => !mine.has(e));
  const lists = [
    policyList(POLICY_LIST, titles.policy, theirs),
    policyList(USER_LIST, titles.user, [...mine], 'user'),
  ].filter((l) => l !== null);
  if (lists.length > 0) {
    out.blocklists.push(Blocklist.fromLists(lists));
    out.lists.push(...lists.map((l) => ({ ...l.meta, source: l.meta.origin === 'user' ? ('user' as const) : ('policy' as const) })));
    parts.push(`policy#${fingerprint(theirs)}`, `user#${fingerprint([...mine])}`);
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
