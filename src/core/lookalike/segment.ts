// Tokenising: the parts of a host name a brand can hide in. Labels split on
// dots and hyphens (`login-microsoft-verify`); glued compounds
// (`googleeplay`, `selfmicrosofrtenabletrue`) are segmented around the brand:
// `findInside` locates the brand in a token, allowing an edit for long brands,
// and `isGlue` says whether what is left reads as the words phishers glue on.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import { MAX_LABEL_LENGTH } from './input-guard.ts';

// Sign-in and bait words are glued on as much as the glue words are (`facebookonlinenotice`).
const GLUE_WORDS: readonly string[] = [...VOCABULARY.glue, ...VOCABULARY.signIn, ...VOCABULARY.bait];
const GLUE: ReadonlySet<string> = new Set(GLUE_WORDS);
/** Bounds the segmentation to linear time in the leftover's length (one more for a plural). */
const LONGEST_GLUE = Math.max(...GLUE_WORDS.map((w) => w.length)) + 1;
/** What splits tokens: the dots between labels, the hyphens inside them. */
const DOT = 46;
const HYPHEN = 45;

/** A leftover this short may be anything (`paypalbtc`, `googlee`). */
const MAX_FILLER = 3;

export function splitTokens(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    // Char codes, not one-letter strings: this runs over every host's labels.
    const c = text.charCodeAt(i);
    if (c === DOT || c === HYPHEN || i === text.length) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** Scratch rows for findInside, sized for the longest label (input-guard.ts): cost and start, for rows i-2, i-1 and i. */
const ROWS = Array.from({ length: 6 }, () => new Int32Array(MAX_LABEL_LENGTH + 1));

export interface Occurrence {
  start: number;
  end: number;
  edits: number;
}

/**
 * Where `brand` occurs in `token` with at most `maxEdits` edits (best match,
 * leftmost on ties). Semi-global edit distance, with two neighbouring
 * letters swapped as one edit (`micorsoft`, optimal string alignment), as
 * the typo rule counts it (typo.ts): O(|brand| x |token|), both bounded by
 * the 63-character label limit.
 */
export function findInside(token: string, brand: string, maxEdits: number, rightmost = false): Occurrence | null {
  const exact = token.indexOf(brand);
  if (exact >= 0) return { start: exact, end: exact + brand.length, edits: 0 };
  // A skeleton may outgrow its label (`ß` -> `ss`); past the scratch rows it is no name anyway.
  if (maxEdits === 0 || token.length < brand.length - maxEdits || token.length > MAX_LABEL_LENGTH) return null;
  const n = token.length;
  // Three rows, reused: row i holds the cost of brand[0..i) ending at token j, and where that match starts.
  let prevCost = ROWS[0]!, prevFrom = ROWS[1]!, cost = ROWS[2]!, from = ROWS[3]!, nextCost = ROWS[4]!, nextFrom = ROWS[5]!;
  for (let j = 0; j <= n; j++) {
    cost[j] = 0;
    from[j] = j;
  }
  for (let i = 1; i <= brand.length; i++) {
    nextCost[0] = i;
    nextFrom[0] = 0;
    for (let j = 1; j <= n; j++) {
      const sub = cost[j - 1]! + (brand[i - 1] === token[j - 1] ? 0 : 1);
      const del = cost[j]! + 1;
      const ins = nextCost[j - 1]! + 1;
      let best = Math.min(sub, del, ins);
      let start = best === sub ? from[j - 1]! : best === del ? from[j]! : nextFrom[j - 1]!;
      // Two neighbouring letters written the other way round: one edit.
      if (i > 1 && j > 1 && brand[i - 1] === token[j - 2] && brand[i - 2] === token[j - 1] && brand[i - 1] !== brand[i - 2]) {
        const swap = prevCost[j - 2]! + 1;
        // On a tie the swap is the reading: it keeps the letter in the brand (`ayhoo` is yahoo swapped, not a then yhoo).
        if (swap <= best) {
          best = swap;
          start = prevFrom[j - 2]!;
        }
      }
      nextCost[j] = best;
      nextFrom[j] = start;
    }
    [prevCost, cost, nextCost] = [cost, nextCost, prevCost];
    [prevFrom, from, nextFrom] = [from, nextFrom, prevFrom];
  }
  let bestEnd = -1;
  // On a tie, the leftmost end, or with `rightmost` the rightmost (`googlc` is google with c for e, not googl then c).
  for (let j = 1; j <= n; j++) if (cost[j]! <= maxEdits && (bestEnd < 0 || cost[j]! < cost[bestEnd]! || (rightmost && cost[j] === cost[bestEnd]))) bestEnd = j;
  return bestEnd < 0 ? null : { start: from[bestEnd]!, end: bestEnd, edits: cost[bestEnd]! };
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** A glue word, or its plural (`mails`, `logins`): phishers pluralise as they please. */
export function isGlueWord(piece: string): boolean {
  return GLUE.has(piece) || (piece.length > 2 && piece.endsWith('s') && GLUE.has(piece.slice(0, -1)));
}

/** A leftover piece that may be anything: at most 3 letters (`paypalbtc`), or digits (`amazon8898`). */
function isFiller(piece: string): boolean {
  return piece.length <= MAX_FILLER || /^[0-9]+$/.test(piece);
}

/**
 * Can `rest` be read as glue words (or `extra` ones), with at most one
 * filler piece when `filler` allows it? Linear: pieces are at most the
 * longest glue word (longer extra words are not looked for).
 */
export function isGlue(rest: string, filler = true, extra: ReadonlySet<string> = NO_WORDS): boolean {
  if (rest === '' || (filler && isFiller(rest))) return true;
  // ok[i][f]: rest[0..i) splits into glue words with f fillers used (f <= 1).
  const ok: [boolean, boolean][] = Array.from({ length: rest.length + 1 }, () => [false, false]);
  ok[0] = [true, false];
  for (let i = 0; i < rest.length; i++) {
    const [clean, filled] = ok[i]!;
    if (!clean && !filled) continue;
    for (let j = i + 1; j <= Math.min(rest.length, i + LONGEST_GLUE); j++) {
      const piece = rest.slice(i, j);
      if (isGlueWord(piece) || extra.has(piece)) {
        if (clean) ok[j]![0] = true;
        if (filled) ok[j]![1] = true;
      } else if (filler && clean && piece.length <= MAX_FILLER) ok[j]![1] = true;
    }
  }
  const end = ok[rest.length]!;
  return end[0] || end[1];
}
