// The look-alike check's speed (hosts/s) on real host names: the labelled
// eval sets (test/fixtures/lookalike-eval/, phishing and benign), against a
// simple peer measured in the same run: a naive check that compares every
// label of the host with every protected label by Levenshtein distance.
import { distance } from 'fastest-levenshtein';
import { buildProtectedIndex } from '../../src/core/lookalike/protected-index.ts';
import { lookalike } from '../../src/core/lookalike/lookalike.ts';
import { DEFAULT_PROTECTED } from '../../src/core/lookalike/protected-domains.ts';
import { loadSets } from '../eval/lookalike-sets.ts';

export const LOOKALIKE_TARGET = 100_000;

export interface LookalikeBench {
  hosts: number;
  ours: number;
  peer: number;
  /** ours / peer */
  ratio: number;
  flagged: number;
}

/** The peer: every label and hyphen-part against every protected label, flag at distance <= 1. */
function naivePeer(): (host: string) => boolean {
  const labels = DEFAULT_PROTECTED.flatMap((g) => g.imitated.map((d) => d.split('.')[0]!));
  return (host) => host.toLowerCase().split(/[.-]/).some((part) => labels.some((l) => distance(part, l) <= 1));
}

/** Hosts per second of `check` over `hosts`, best of `rounds` passes (the first warms the JIT). */
function rate(hosts: readonly string[], check: (h: string) => unknown, rounds = 5): { perSecond: number; flagged: number } {
  let best = Infinity;
  let flagged = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    for (const h of hosts) if (check(h)) n++;
    best = Math.min(best, performance.now() - t0);
    flagged = n;
  }
  return { perSecond: hosts.length / (best / 1000), flagged };
}

export function benchLookalike(): LookalikeBench {
  const sets = loadSets();
  const hosts = [...sets.positives, ...Object.values(sets.negatives).flat()].map((x) => x.host);
  const index = buildProtectedIndex();
  const ours = rate(hosts, (h) => lookalike(index, h));
  const peer = rate(hosts, naivePeer());
  return { hosts: hosts.length, ours: ours.perSecond, peer: peer.perSecond, ratio: ours.perSecond / peer.perSecond, flagged: ours.flagged };
}

export function lookalikeReport(b: LookalikeBench): string[] {
  const k = (x: number) => `${Math.round(x).toLocaleString('en')}`;
  return [
    `look-alike check on ${k(b.hosts)} real hosts (eval sets): ${k(b.ours)} hosts/s; naive Levenshtein peer ${k(b.peer)} hosts/s (${b.ratio.toFixed(2)}x); ${b.flagged} flagged`,
    `  ${b.ours >= LOOKALIKE_TARGET ? 'PASS' : 'MISS'} look-alike >= ${k(LOOKALIKE_TARGET)} hosts/s: ${k(b.ours)}`,
  ];
}
