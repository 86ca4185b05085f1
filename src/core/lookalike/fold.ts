// Folding: the readings under which two names look the same. The skeleton
// (skeleton.ts: Unicode confusables, 0/o, 1/l, rn/m, vv/w) is exact enough to
// compare any label; `looseFold` adds what only holds for distinctive brand
// names, where an accidental collision is unlikely: leetspeak digits and
// the i/l swap (`glthub` for github, `googie` for google). Short or
// ordinary-word brands are never compared loosely (`mall` would read `mail`).
// `shapeFold` reads letter pairs as the one letter they look like (`ri` as
// n, `cl` as d); as it changes lengths, only whole tokens are compared so.

const LEET: Readonly<Record<string, string>> = { '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', i: 'l' };
const HAS_LEET = /[34578i]/;

/** Loose reading of a skeleton: i and l, and leetspeak digits, count as the same letter. */
export function looseFold(skel: string): string {
  if (!HAS_LEET.test(skel)) return skel;
  // A loop, not `replace` with a callback: this runs for every token, and the loop is twice as fast.
  let out = '';
  for (const c of skel) out += LEET[c] ?? c;
  return out;
}

/** Letter pairs that read as one letter in most fonts, beyond UTS #39's `rn`: `ri` as n (`riaver`), `cl` as d. */
const SHAPES = /ri|cl/g;
const SHAPE_OF: Readonly<Record<string, string>> = { ri: 'n', cl: 'd' };

/** The text with those pairs read as the letter they look like; the text itself when it has none. */
export function shapeFold(text: string): string {
  return text.includes('ri') || text.includes('cl') ? text.replace(SHAPES, (p) => SHAPE_OF[p] ?? p) : text;
}

export interface Substitution {
  /** What the host writes (`l`, `rn`, Cyrillic `о`). */
  written: string;
  /** The brand's letters it stands for (`i`, `m`, `o`). */
  means: string;
}

/**
 * The first place where `written` differs from `brand`, for the warning's
 * "the letter l stands for i". Same-length spans report one character;
 * otherwise the whole differing middle (`rn` for `m`). Null when equal.
 */
export function firstSubstitution(written: string, brand: string): Substitution | null {
  const a = Array.from(written);
  const b = Array.from(brand);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  if (p === a.length && p === b.length) return null;
  if (a.length === b.length) return { written: a[p] ?? '', means: b[p] ?? '' };
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { written: a.slice(p, a.length - s).join(''), means: b.slice(p, b.length - s).join('') };
}
