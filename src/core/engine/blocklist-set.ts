// The engine the worker and CLI query: several Blocklists (bundled court
// lists, admin bundle, user entries) in priority order, and an allow-list that
// overrides them all. The allow-list is applied per reading: allowing where
// the Safe Browsing reading goes must not excuse a different host the browser
// would actually reach (`http://allowed.example\@evil.com/`).

import type { ListMeta, Match, Verdict } from '../model.ts';
import type { Blocklist } from './blocklist.ts';
import type { LookupFingerprints } from './expressions.ts';
import { verdictFor } from './verdict.ts';

export class BlocklistSet {
  constructor(
    readonly blocklists: readonly Blocklist[],
    readonly allow: Blocklist | null = null,
  ) {}

  /** 'invalid' without a canonical host, 'ok' when allow-listed or unlisted, else 'warn' with provenance. */
  lookup(url: string): Verdict {
    return verdictFor(url, this);
  }

  /** Unless the allow-list has the loaded reading: the first blocklist's entry for it. */
  matchLoaded(l: LookupFingerprints): Match | null {
    if (this.allow && this.allow.probe(l) >= 0) return null;
    for (const list of this.blocklists) {
      const match = list.matchLoaded(l);
      if (match) return match;
    }
    return null;
  }

  /** The first reading that some blocklist lists and the allow-list does not. */

  /** Metadata of the list with this id, in blocklist order (the allow-list's lists last). */
  listMeta(id: string): ListMeta | undefined {
    return listMetaIn(this.blocklists, this.allow, id);
  }

  get size(): number {
    return sizeOf(this.blocklists);
  }
}

interface HasLists {
  readonly lists: readonly ListMeta[];
  readonly size: number;
}

/** Metadata of the list with this id, in tier order (the allow-list's lists last). Shared with EngineSet. */
export function listMetaIn(tiers: readonly HasLists[], allow: HasLists | null, id: string): ListMeta | undefined {
  for (const tier of allow ? [...tiers, allow] : tiers) {
    const meta = tier.lists.find((m) => m.id === id);
    if (meta) return meta;
  }
  return undefined;
}

export const sizeOf = (tiers: readonly HasLists[]): number => tiers.reduce((n, t) => n + t.size, 0);
