import type { Finding } from '../messages/protocol.ts';
import type { Verdict } from '../core/model.ts';
import type { EngineSet } from '../core/engine/engine-set.ts';
import { lookalike } from '../core/lookalike/lookalike.ts';
import type { ProtectedIndex } from '../core/lookalike/protected-index.ts';
import type { State } from './state.ts';

/** The blocked finding for a verdict, with its list's provenance. */
export function blockedFinding(engine: Pick<EngineSet, 'listMeta'>, verdict: Verdict): Finding | null {
  if (verdict.verdict !== 'warn' || !verdict.match) return null;
  const list = engine.listMeta(verdict.match.list);
  return list ? { level: 'blocked', match: verdict.match, list } : null;
}

/** The host of a URL as the browser sees it, or null. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** A look-alike of a protected domain (only asked when the host is not listed). */
export function suspectedFinding(index: ProtectedIndex, host: string | null): Finding | null {
  const l = host ? lookalike(index, host) : null;
  return l ? { level: 'suspected', ...l } : null;
}

/** What a URL is found to be: listed (with its provenance), else a look-alike of `host`, else null. */
export async function findingOf(s: Pick<State, 'engine' | 'protectedIndex'>, url: string, host: string | null): Promise<Finding | null> {
  return blockedFinding(s.engine, await s.engine.lookup(url)) ?? suspectedFinding(s.protectedIndex, host);
}
