// ParsedList[] -> compiled binary. Deterministic: entries are ordered by
// fingerprint with a stable radix sort, so ties keep list order then line
// order, and an expression listed twice keeps only its first occurrence.
import type { ListMeta } from '../model.ts';
import { KINDS, LIST_INDEX_BITS, MAX_LISTS, writeBinary } from './binary-format.ts';
import type { EntryKind } from '../url/entry.ts';
import { fingerprintInto } from './fingerprint.ts';
import { buildIndex } from './host-index.ts';

export interface CompileEntry {
  /** Safe Browsing expression, `host/path`, as produced by the list parser. */
  expression: string;
  kind: EntryKind;
  line: number;
}

/** The part of a ParsedList the compiler reads. */
export interface CompileList {
  meta: ListMeta;
  entries: readonly CompileEntry[];
}

interface Flat {
  expressions: string[];
  hi: Uint32Array;
  lo: Uint32Array;
  lines: Uint32Array;
  tags: Uint16Array;
}

function flatten(lists: readonly CompileList[]): Flat {
  if (lists.length > MAX_LISTS) throw new Error(`too many lists (${lists.length}, at most ${MAX_LISTS})`);
  const total = lists.reduce((n, l) => n + l.entries.length, 0);
  const flat: Flat = {
    expressions: new Array<string>(total),
    hi: new Uint32Array(total),
    lo: new Uint32Array(total),
    lines: new Uint32Array(total),
    tags: new Uint16Array(total),
  };
  let i = 0;
  for (let listIndex = 0; listIndex < lists.length; listIndex++) {
    const list = lists[listIndex]!;
    for (const e of list.entries) {
      const kind = KINDS.indexOf(e.kind);
      if (kind < 0) throw new Error(`${list.meta.id}:${e.line}: unknown entry kind ${String(e.kind)}`);
      if (!Number.isInteger(e.line) || e.line < 0 || e.line > 0xffffffff) throw new Error(`${list.meta.id}: bad line ${e.line}`);
      fingerprintInto(e.expression, flat.hi, flat.lo, i);
      flat.expressions[i] = e.expression;
      flat.lines[i] = e.line;
      flat.tags[i] = (kind << LIST_INDEX_BITS) | listIndex;
      i++;
    }
  }
  return flat;
}

/** One stable counting-sort pass of `order` into `next` by 16 bits of `keys`. */
function radixPass(keys: Uint32Array, shift: number, order: Uint32Array, next: Uint32Array, counts: Uint32Array): void {
  counts.fill(0);
  for (let k = 0; k < order.length; k++) counts[((keys[order[k]!]! >>> shift) & 0xffff) + 1]!++;
  for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    next[counts[(keys[i]! >>> shift) & 0xffff]!++] = i;
  }
}

/** Stable LSD radix sort of indices by (hi, lo), 16 bits a pass. */
export function sortByFingerprint(hi: Uint32Array, lo: Uint32Array): Uint32Array {
  let order = new Uint32Array(hi.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let next = new Uint32Array(hi.length);
  const counts = new Uint32Array(0x10001);
  for (const [keys, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    radixPass(keys, shift, order, next, counts);
    [order, next] = [next, order];
  }
  return order;
}

/** Drops repeats of an expression (same fingerprint run, same text), keeping the first. */
function dedupe(order: Uint32Array, flat: Flat): Uint32Array {
  const kept = new Uint32Array(order.length);
  let n = 0;
  let runStart = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (n === 0 || flat.hi[kept[n - 1]!] !== flat.hi[i] || flat.lo[kept[n - 1]!] !== flat.lo[i]) runStart = n;
    let repeat = false;
    for (let r = runStart; r < n && !repeat; r++) repeat = flat.expressions[kept[r]!] === flat.expressions[i];
    if (!repeat) kept[n++] = i;
  }
  return kept.subarray(0, n);
}

/** UTF-8 string table in entry order: entry k is strings[offsets[k], offsets[k + 1]), expression order[k] (`order`: distinct indexes). */
export function encodeStrings(expressions: string[], order: Uint32Array): { strings: Uint8Array; offsets: Uint32Array } {
  return asciiStrings(expressions, order) ?? utf8Strings(expressions, order);
}

/** The high bit of an AsciiLayout start: the expression is a repeat left out. */
const LEFT_OUT = 0x80000000;

/**
 * Where each kept expression goes in sorted order, counting a char as a byte
 * (right when all are ASCII): expression i at bytes[starts[i], ...), unless
 * starts[i] has the LEFT_OUT bit. One array, as small as it can be: at 1M
 * entries every build buffer counts towards the external memory that makes
 * V8 start a full GC.
 */
export interface AsciiLayout {
  starts: Uint32Array;
  /** Bytes in all. */
  length: number;
}

export function asciiLayout(expressions: readonly string[], order: Uint32Array): AsciiLayout {
  const starts = new Uint32Array(expressions.length);
  // Lengths first, in list order (sequential reads), flagged until their place is known.
  for (let i = 0; i < expressions.length; i++) starts[i] = (expressions[i]!.length | LEFT_OUT) >>> 0;
  let length = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const n = starts[i]! & ~LEFT_OUT;
    starts[i] = length;
    length += n;
  }
  if (length >= LEFT_OUT) throw new Error('expressions too long for one table');
  return { starts, length };
}

/**
 * Canonical expressions are nearly always ASCII: then a char is a byte, and
 * each kept expression is copied char by char, in list order, to its place in
 * sorted order, out[at + starts[i]...]. Reading the strings in the order they
 * were allocated and scattering the writes is ~2x faster at 1M entries than
 * joining them in sorted order (random reads) and encoding the 16 MB join.
 * False at the first non-ASCII char (`out` is then partly written).
 */
export function writeAscii(expressions: readonly string[], layout: AsciiLayout, out: Uint8Array, at: number): boolean {
  const { starts } = layout;
  for (let i = 0; i < expressions.length; i++) {
    if ((starts[i]! & LEFT_OUT) !== 0) continue;
    const s = expressions[i]!;
    for (let j = 0, to = at + starts[i]!; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x80) return false;
      if (c === 0x0a) throw new Error('expression with a line break'); // as utf8Strings, which splits on them
      out[to++] = c;
    }
  }
  return true;
}

function asciiStrings(expressions: string[], order: Uint32Array): { strings: Uint8Array; offsets: Uint32Array } | null {
  const layout = asciiLayout(expressions, order);
  const strings = new Uint8Array(layout.length);
  if (!writeAscii(expressions, layout, strings, 0)) return null;
  const offsets = new Uint32Array(order.length + 1);
  for (let k = 0; k < order.length; k++) offsets[k] = layout.starts[order[k]!]!;
  offsets[order.length] = layout.length;
  return { strings, offsets };
}

/**
 * The general case: the text is encoded in one native call over the joined
 * input (sequential, fast) and then copied in sorted order; encoding string
 * by string in sorted order was ~10x slower at 1M entries.
 */
function utf8Strings(expressions: string[], order: Uint32Array): { strings: Uint8Array; offsets: Uint32Array } {
  const joined = new TextEncoder().encode(expressions.join('\n'));
  const starts = new Uint32Array(expressions.length + 1);
  let e = 1;
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === 0x0a) {
      if (e === expressions.length) throw new Error('expression with a line break');
      starts[e++] = i + 1;
    }
  }
  starts[expressions.length] = joined.length + 1;
  const offsets = new Uint32Array(order.length + 1);
  for (let k = 0; k < order.length; k++) offsets[k + 1] = offsets[k]! + starts[order[k]! + 1]! - 1 - starts[order[k]!]!;
  const strings = new Uint8Array(offsets[order.length]!);
  // A native copy an entry beats a byte loop by about a quarter at 1M entries, despite the subarray views.
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    strings.set(joined.subarray(starts[i]!, starts[i + 1]! - 1), offsets[k]!);
  }
  return { strings, offsets };
}

/** JSON with object keys sorted, so equal metadata gives equal bytes. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

export function compileLists(lists: readonly CompileList[]): Uint8Array {
  const flat = flatten(lists);
  const order = dedupe(sortByFingerprint(flat.hi, flat.lo), flat);
  const fingerprints = new Uint32Array(2 * order.length);
  const lines = new Uint32Array(order.length);
  const tags = new Uint16Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    fingerprints[2 * k] = flat.hi[i]!;
    fingerprints[2 * k + 1] = flat.lo[i]!;
    lines[k] = flat.lines[i]!;
    tags[k] = flat.tags[i]!;
  }
  const { strings, offsets } = encodeStrings(flat.expressions, order);
  const meta = lists.map((l) => ({ ...l.meta, count: l.entries.length }));
  return writeBinary(
    {
      fingerprints,
      stringOffsets: offsets,
      lines,
      tags,
      meta: new TextEncoder().encode(stableJson(meta)),
      strings,
      ...buildIndex(fingerprints, order.length),
    },
    lists.length,
  );
}
