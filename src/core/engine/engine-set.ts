// The worker's engine: BlocklistSet's priority order and allow-list rule, with
// some tiers two-phase (compact/two-phase.ts: hot table resident, records in
// IndexedDB). A lookup runs phase one over every tier synchronously; when no
// two-phase tier has a candidate, which is the case for almost every unlisted
// URL, that is the verdict. Otherwise the candidates are confirmed in the
// order BlocklistSet would have tried them, so the verdict (and the match
// reported) is always the one a BlocklistSet of the same lists gives.
//
// Which tiers are two-phase is the caller's choice (background/state.ts): the
// admin bundle's (up to millions of entries), where residency matters; the
// bundled court lists, the policy and the allow-list stay Blocklists, small
// and answered without a read.
import type { HostSource } from '../dnr/rules.ts';
import type { ListMeta, Match, Verdict } from '../model.ts';
import type { Blocklist } from './blocklist.ts';
import { listMetaIn, sizeOf } from './blocklist-set.ts';
import type { Candidate, TwoPhaseBlocklist } from './compact/two-phase.ts';
import type { LookupFingerprints } from './expressions.ts';
import { verdictFor, type Matcher } from './verdict.ts';

export type Tier = Blocklist | TwoPhaseBlocklist;

/** What phase one found, in priority order: a certain match, or candidates of a two-phase tier to confirm. */
type Step = { match: Match } | { tier: TwoPhaseBlocklist; candidates: readonly Candidate[] };

const isTwoPhase = (t: Tier): t is TwoPhaseBlocklist => 'candidates' in t;

/**
 * Phase one as a Matcher, so verdictFor reads the URL exactly as for
 * BlocklistSet; it records steps instead of deciding. One per EngineSet,
 * reset per lookup (phase one is synchronous; phase two gets a copy).
 */
class Planner implements Matcher {
  steps: Step[] = [];
  /** Whether a step holds candidates: then the verdict verdictFor gave is not final. */
  pending = false;

  constructor(private readonly set: EngineSet) {}

  reset(): this {
    if (this.steps.length > 0) this.steps = [];
    this.pending = false;
    return this;
  }

  /** Returns a match only when it is certain and nothing before it is pending; then the readings after it no longer matter. */
  matchLoaded(l: LookupFingerprints): Match | null {
    const { tiers, allow } = this.set;
    if (allow && allow.probe(l) >= 0) return null;
    for (const tier of tiers) {
      if (isTwoPhase(tier)) {
        const candidates = tier.candidates(l);
        if (candidates.length > 0) {
          this.steps.push({ tier, candidates });
          this.pending = true;
        }
        continue;
      }
      const match = tier.matchLoaded(l);
      if (match) {
        this.steps.push({ match });
        return match;
      }
    }
    return null;
  }

}

/** Phase two: the first step, in order, that is a match or whose candidate its record confirms. */
async function resolve(steps: readonly Step[]): Promise<Match | null> {
  for (const step of steps) {
    if ('match' in step) return step.match;
    for (const c of step.candidates) {
      const match = await step.tier.confirm(c);
      if (match) return match;
    }
  }
  return null;
}

export class EngineSet {
  private readonly planner = new Planner(this);

  constructor(
    readonly tiers: readonly Tier[],
    readonly allow: Blocklist | null = null,
  ) {}

  /** The verdict when phase one settles it (no record to read), else null. Never a warning that is not certain. */
  lookupNow(url: string): Verdict | null {
    const verdict = verdictFor(url, this.planner.reset());
    return this.planner.pending ? null : verdict;
  }

  /** As BlocklistSet.lookup: 'invalid', 'ok' (allow-listed or unlisted) or 'warn' with provenance. */
  async lookup(url: string): Promise<Verdict> {
    const verdict = verdictFor(url, this.planner.reset());
    if (!this.planner.pending) return verdict;
    const match = await resolve(this.planner.steps); // reset() replaces the array, so this one stays ours
    return { ...verdict, verdict: match ? 'warn' : 'ok', match };
  }

  /** Metadata of the list with this id, in tier order (the allow-list's lists last). */
  listMeta(id: string): ListMeta | undefined {
    return listMetaIn(this.tiers, this.allow, id);
  }

  get size(): number {
    return sizeOf(this.tiers);
  }

  /**
   * Every tier as a DNR HostSource, two-phase ones with their records read
   * whole: for the rule build only, which needs every entry; drop the result
   * after it (the records are then garbage again).
   */
  hostSources(): Promise<HostSource[]> {
    return Promise.all(this.tiers.map((t) => (isTwoPhase(t) ? t.withRecords() : t)));
  }
}
