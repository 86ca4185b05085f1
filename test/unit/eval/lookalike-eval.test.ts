import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../../scripts/eval-lookalike.ts';
import { brandOwners, evaluateLookalike, type Detector } from '../../../scripts/eval/lookalike-metrics.ts';
import {
  FIXTURE_DIR,
  loadSets,
  parseTsv,
  partOf,
  problemsIn,
  selectPart,
  type EvalSets,
} from '../../../scripts/eval/lookalike-sets.ts';

const fixed =
  (verdicts: Record<string, string>): Detector =>
  (host) => {
    const imitates = verdicts[host];
    return imitates ? { imitates, rule: 'test' } : null;
  };

const tiny: EvalSets = {
  positives: [
    { host: 'rnicrosoft.com', imitates: 'microsoft.com', source: 't' },
    { host: 'outlook-verify.net', imitates: 'outlook.com', source: 't' },
    { host: 'gmail-recovery.ml', imitates: 'gmail.com', source: 't' },
    { host: 'glthub.io', imitates: 'github.com', source: 't' },
  ],
  negatives: {
    mail: [
      { host: 'prontomail.com', source: 'm' },
      { host: 'example.org', source: 'm' },
    ],
    popular: [{ host: 'wikipedia.org', source: 'p' }],
  },
  lures: [
    { host: 'accounts-web-mail.com', source: 'l' },
    { host: 'com-mailbox.com', source: 'l' },
  ],
  excluded: 0,
};

describe('evaluateLookalike', () => {
  const m = evaluateLookalike(
    fixed({
      'rnicrosoft.com': 'microsoft.com',
      // live.com is Microsoft's too: the right brand, though not the labelled domain.
      'outlook-verify.net': 'live.com',
      'gmail-recovery.ml': 'mail.ru',
      'accounts-web-mail.com': 'web.de',
      'prontomail.com': 'protonmail.com',
    }),
    tiny,
  );

  it('counts a hit on a sibling domain of the same owner as the right brand', () => {
    expect(m.positives.right).toBe(2);
    expect(m.positives.recall).toBe(0.5);
  });

  it('breaks recall down by the owner of the labelled domain', () => {
    expect(m.positives.byOwner).toEqual({
      Microsoft: { total: 2, right: 2 },
      Google: { total: 1, right: 0 },
      GitHub: { total: 1, right: 0 },
    });
  });

  it('separates the wrong brand from a miss', () => {
    expect(m.positives.flagged).toBe(3);
    expect(m.positives.recallAnyBrand).toBe(0.75);
    expect(m.positives.wrongBrand).toEqual([{ positive: tiny.positives[2], reported: 'mail.ru' }]);
    expect(m.positives.misses.map((p) => p.host)).toEqual(['glthub.io']);
  });

  it('reports false alarms per benign set, and precision over all of them', () => {
    expect(m.negatives['mail']?.flagged).toBe(1);
    expect(m.negatives['mail']?.rate).toBe(0.5);
    expect(m.negatives['mail']?.falseAlarms[0]).toMatchObject({ host: 'prontomail.com', imitates: 'protonmail.com' });
    expect(m.negatives['popular']?.flagged).toBe(0);
    expect(m.precision).toBeCloseTo(2 / 3);
  });

  it('lists generic lures given a brand, apart from precision', () => {
    expect(m.lures.flagged).toBe(1);
    expect(m.lures.falseAlarms[0]).toMatchObject({ host: 'accounts-web-mail.com', imitates: 'web.de' });
  });

  it('gives zero, not NaN, on empty sets', () => {
    const empty = evaluateLookalike(() => null, { positives: [], negatives: { none: [] }, lures: [], excluded: 0 });
    expect(empty.positives.recall).toBe(0);
    expect(empty.negatives['none']?.rate).toBe(0);
    expect(empty.precision).toBe(0);
  });
});

describe('dev / held-out split', () => {
  it('keeps every host of one registrable domain in the same part', () => {
    for (const site of ['gmrail.ml', 'naver-in.ml', 'r-naver.com', 'x-paypal.blogspot.com']) {
      expect(partOf(`login.${site}`)).toBe(partOf(site));
      expect(partOf(`a.b.${site}`)).toBe(partOf(site));
    }
  });

  it('treats sites on a shared host as separate domains', () => {
    const parts = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => partOf(`${x}-paypal.blogspot.com`)));
    expect(parts.size).toBe(2);
  });

  it('holds out about 30 % of the positives and is stable', () => {
    const sets = loadSets();
    const held = selectPart(sets, 'held-out').positives.length;
    const share = held / sets.positives.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(selectPart(loadSets(), 'held-out').positives.length).toBe(held);
    expect(selectPart(sets, 'dev').positives.length + held).toBe(sets.positives.length);
  });
});

describe('labelled set files', () => {
  const sets = loadSets();
  const owners = brandOwners();

  it('are disjoint and label only protected domains', () => {
    expect(problemsIn(sets, new Set(owners.keys()))).toEqual([]);
  });

  it('have the sizes the issue asks for', () => {
    expect(sets.positives.length).toBeGreaterThanOrEqual(400);
    const hard = (sets.negatives['mail and crypto sites']?.length ?? 0) + (sets.negatives['trackers']?.length ?? 0);
    expect(hard).toBeGreaterThanOrEqual(30_000);
    expect(sets.negatives['popular']?.length).toBeGreaterThanOrEqual(2_000);
    expect(sets.negatives['brand-owned']?.length).toBeGreaterThanOrEqual(50);
  });

  it('cite every positive source tag in SOURCES.md', () => {
    const sources = readFileSync(join(FIXTURE_DIR, 'SOURCES.md'), 'utf8');
    const tags = new Set(sets.positives.map((p) => p.source.split(':')[0] ?? ''));
    for (const tag of tags) expect(sources, tag).toContain(tag);
  });

  it('hold hosts in normal form', () => {
    const all = [...sets.positives, ...Object.values(sets.negatives).flat()];
    for (const { host } of all) expect(host, host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});

describe('problemsIn', () => {
  it('finds a host in two sets and a label that is not protected', () => {
    const bad: EvalSets = {
      positives: [{ host: 'prontomail.com', imitates: 'proton.example', source: 't' }],
      negatives: { mail: [{ host: 'prontomail.com', source: 'm' }] },
      lures: [],
      excluded: 0,
    };
    expect(problemsIn(bad, new Set(brandOwners().keys()))).toEqual([
      'prontomail.com: proton.example is not a protected domain',
      'prontomail.com: in positives and in mail',
    ]);
  });
});

describe('parseTsv', () => {
  it('skips comments and names the line of a short row', () => {
    expect(parseTsv('# c\n\na\tb\n', 'f.tsv', 2)).toEqual([['a', 'b']]);
    expect(() => parseTsv('a\tb\nc\n', 'f.tsv', 2)).toThrow('f.tsv:2: expected 2 tab-separated columns');
  });
});

describe('runEval (the CLI report)', () => {
  it('prints dev and held-out summaries with the capped lists', () => {
    const sets: EvalSets = {
      positives: Array.from({ length: 60 }, (_, i) => ({ host: `login-microsoft-${i}.example`, imitates: 'microsoft.com', source: 't' })),
      negatives: { mail: [{ host: 'prontomail.com', source: 'm' }] },
      lures: [],
      excluded: 0,
    };
    const { lines, ok } = runEval(sets, () => null, false);
    expect(ok).toBe(true);
    expect(lines.filter((l) => l.startsWith('== '))).toEqual(['== dev ==', '== held-out ==']);
    expect(lines.some((l) => /^ {2}recall 0\.0% \(0\/\d+ with the right brand/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('    login-microsoft-')).length).toBeLessThanOrEqual(50);
    expect(lines.some((l) => /^ {4}… \d+ more \(--all\)$/.test(l))).toBe(true);
  });

  it('lists held-out misses only on request', () => {
    const positives = Array.from({ length: 200 }, (_, i) => ({ host: `login-microsoft-${i}.example`, imitates: 'microsoft.com', source: 't' }));
    const sets: EvalSets = { positives, negatives: {}, lures: [], excluded: 0 };
    const heldOut = (lines: string[]) => lines.slice(lines.indexOf('== held-out =='));
    const quiet = heldOut(runEval(sets, () => null, false, false).lines);
    expect(quiet.some((l) => l.startsWith('  misses'))).toBe(false);
    expect(quiet).toContain('  (lists: --held-out-details; never tune on them)');
    expect(heldOut(runEval(sets, () => null, false, true).lines).some((l) => l.startsWith('  misses'))).toBe(true);
  });

  it('refuses sets with labelling problems', () => {
    const sets: EvalSets = {
      positives: [{ host: 'a.example', imitates: 'not-protected.example', source: 't' }],
      negatives: {},
      lures: [],
      excluded: 0,
    };
    const { lines, ok } = runEval(sets, () => null, false);
    expect(ok).toBe(false);
    expect(lines).toContain('  a.example: not-protected.example is not a protected domain');
  });
});
