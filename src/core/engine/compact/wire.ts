// The entry data a bundle carries: lists in their own order (so source lines
// cost ~nothing: they are deltas, mostly 1), column by column, so that deflate
// (applied outside the core: CompressionStream in a browser, zlib in the CLIs)
// meets one kind of data at a time. An expression is split into its first
// label and the rest (`login.evil.com/x` -> `login` + `.evil.com/x`); the rest
// is dictionary-coded, since many entries share it (`.com/`). A delta is the
// same form plus expressions to remove. Byte layout, container form "CW"
// version 1 (framing: container.ts):
//
// | offset       | size | field                                                      |
// |--------------|------|------------------------------------------------------------|
// | 16 (field 0) | 4    | N, entries added (all entries, for a full list set)        |
// | 20 (field 1) | 4    | L, lists                                                   |
// | 24 (field 2) | 4    | D, expressions removed (0 unless a delta)                  |
// | 28 (field 3) | 4    | B, byte length of the body below (before padding)          |
// | 40           | B    | body, in this order:                                       |
// |              |      | varint M, M bytes of ListMeta[] JSON (count excluded)      |
// |              |      | L varints: entries of each list (they sum to N)            |
// |              |      | N varints: zigzag(line - previous line of the list, i32)   |
// |              |      | varint K, varint, then K `\n`-separated rests (UTF-8)       |
// |              |      | N varints: index of the entry's rest in the dictionary     |
// |              |      | varint, then N `\n`-separated first labels (UTF-8)          |
// |              |      | varint, then D `\n`-separated removed expressions (UTF-8)  |
// The decoder checks every count, index and length, that the body ends exactly
// at B, and that each rebuilt expression is `host/path`; with the checksum,
// every flipped or truncated byte is rejected.
import type { ListMeta } from '../../model.ts';
import type { CompileEntry, CompileList } from '../compile.ts';
import { listMetaFromJson } from '../list-meta.ts';
import { magicOf, readContainer, writeContainer } from './container.ts';
import { kindOfExpression } from './kind.ts';
import { ByteReader, ByteWriter } from './varint.ts';
import { finish, type Steps } from '../../steps.ts';

export const WIRE_MAGIC = magicOf('CW');
export const WIRE_VERSION = 1;
const WHAT = 'compact wire';

export interface WireLists {
  lists: CompileList[];
  /** Expressions a delta removes (from every list); empty for a full set. */
  removed: string[];
}

/** Line steps are taken mod 2^32 (lines are u32), as zigzag-coded signed 32-bit steps: small either way. */
const zigzag = (step: number): number => ((step << 1) ^ (step >> 31)) >>> 0;
const unzigzag = (z: number): number => (z >>> 1) ^ -(z & 1);
const utf8 = new TextEncoder();
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function split(expression: string): [string, string] {
  const slash = expression.indexOf('/');
  const dot = expression.indexOf('.');
  const cut = dot >= 0 && dot < slash ? dot : slash;
  if (slash <= 0 || cut <= 0 || expression.includes('\n')) throw new Error(`${WHAT}: not an expression: ${JSON.stringify(expression)}`);
  return [expression.slice(0, cut), expression.slice(cut)];
}

function joined(out: ByteWriter, items: readonly string[]): void {
  const bytes = utf8.encode(items.join('\n'));
  out.varint(bytes.length);
  out.bytes(bytes);
}

export function encodeWire(w: WireLists): Uint8Array {
  const entries = w.lists.flatMap((l) => l.entries);
  const out = new ByteWriter(entries.length * 12 + 1024);
  joined(out, [JSON.stringify(w.lists.map(({ meta: { count: _count, ...rest } }) => rest))]);
  for (const l of w.lists) out.varint(l.entries.length);
  for (const l of w.lists) {
    let previous = 0;
    for (const e of l.entries) {
      if (!Number.isInteger(e.line) || e.line < 0 || e.line > 0xffffffff) throw new Error(`${WHAT}: ${l.meta.id}: bad line ${e.line}`);
      out.varint(zigzag((e.line - previous) | 0));
      previous = e.line;
    }
  }
  const dictionary = new Map<string, number>();
  const firsts = new Array<string>(entries.length);
  const restIndex = new Uint32Array(entries.length);
  entries.forEach((e, i) => {
    const [first, rest] = split(e.expression);
    firsts[i] = first;
    let k = dictionary.get(rest);
    if (k === undefined) dictionary.set(rest, (k = dictionary.size));
    restIndex[i] = k;
  });
  out.varint(dictionary.size);
  joined(out, [...dictionary.keys()]);
  for (const k of restIndex) out.varint(k);
  joined(out, firsts);
  for (const r of w.removed) split(r);
  joined(out, w.removed);
  const body = out.done();
  return writeContainer(WIRE_MAGIC, WIRE_VERSION, [entries.length, w.lists.length, w.removed.length, body.length], [body]);
}

function readJoined(r: ByteReader, count: number, what: string): string[] {
  const length = r.varint();
  let text = '';
  try {
    text = fatalUtf8.decode(r.take(length));
  } catch {
    r.fail(`${what} is not UTF-8`);
  }
  const items = count === 0 && text === '' ? [] : text.split('\n');
  if (items.length !== count) r.fail(`${what}: ${items.length} items, expected ${count}`);
  return items;
}

function readMeta(r: ByteReader, listCount: number): Array<Omit<ListMeta, 'count'>> {
  return listMetaFromJson<Omit<ListMeta, 'count'>>(readJoined(r, 1, 'list metadata')[0]!, listCount, (reason) => r.fail(reason));
}

/** Entries decoded between two pauses of decodeWireSteps (~50 ms of a worker's time). */
const DECODE_SLICE = 65_536;

export const decodeWire = (bytes: Uint8Array): WireLists => finish(decodeWireSteps(bytes));

/**
 * A decoded section as columns (every count, index, label and rest checked):
 * entry i of the whole set is firsts[i] + dictionary[restIndex[i]], line
 * lines[i], of the list whose counts it falls in. The compact build reads
 * these directly (compact-blocklist.ts), with no entry objects.
 */
export interface WireColumns {
  meta: ListMeta[];
  lines: Uint32Array;
  firsts: string[];
  restIndex: Uint32Array;
  dictionary: string[];
  removed: string[];
}

export const readWireColumns = (bytes: Uint8Array): WireColumns => finish(readWireColumnsSteps(bytes));

/** readWireColumns in stages of ~0.1 s at 1M entries (core/steps.ts). */
export function* readWireColumnsSteps(bytes: Uint8Array): Steps<WireColumns> {
  const { fields, body } = readContainer(bytes, WIRE_MAGIC, WIRE_VERSION, WHAT);
  const [n, listCount, removedCount, bodyBytes] = fields;
  const r = new ByteReader(body, 0, Math.min(bodyBytes, body.length), WHAT);
  if (bodyBytes > body.length || body.length - bodyBytes >= 8 || body.subarray(bodyBytes).some((b) => b !== 0)) r.fail('bad body length');
  // Every entry, list and removal takes at least a byte: bounds allocations on crafted counts.
  if (Math.max(n, listCount, removedCount) > bodyBytes) r.fail('counts larger than the body');
  const partial = readMeta(r, listCount);
  const counts = partial.map(() => r.varint());
  if (counts.reduce((a, b) => a + b, 0) !== n) r.fail('list sizes do not add up');
  const lines = new Uint32Array(n);
  for (let li = 0, e = 0; li < counts.length; li++) {
    for (let i = 0, line = 0; i < counts[li]!; i++, e++) lines[e] = line = (line + unzigzag(r.varint())) >>> 0;
  }
  yield;
  const dictionary = readJoined(r, r.varint(), 'dictionary');
  const restIndex = new Uint32Array(n);
  for (let e = 0; e < n; e++) {
    const k = r.varint();
    if (k >= dictionary.length) r.fail('dictionary index out of range');
    restIndex[e] = k;
  }
  yield;
  const firsts = readJoined(r, n, 'labels');
  const removed = readJoined(r, removedCount, 'removed expressions');
  if (r.remaining !== 0) r.fail('trailing bytes');
  yield;
  for (const rest of dictionary) if (!isRest(rest)) r.fail(`bad dictionary entry ${JSON.stringify(rest)}`);
  for (const first of firsts) if (!isFirst(first)) r.fail(`bad first label ${JSON.stringify(first)}`);
  removed.forEach(split);
  return { meta: partial.map((m, i) => ({ ...m, count: counts[i]! })), lines, firsts, restIndex, dictionary, removed };
}

/** decodeWire in slices (core/steps.ts): a 1M-entry section takes about a second. */
export function* decodeWireSteps(bytes: Uint8Array): Steps<WireLists> {
  const c = yield* readWireColumnsSteps(bytes);
  return { lists: yield* wireListsSteps(c), removed: c.removed };
}

/** The columns as entry lists, in slices (entry objects: only where a caller needs them). */
export function* wireListsSteps(c: WireColumns): Steps<CompileList[]> {
  const lists: CompileList[] = [];
  for (let li = 0, from = 0; li < c.meta.length; from += c.meta[li++]!.count) lists.push({ meta: c.meta[li]!, entries: yield* entriesSteps(c, from, c.meta[li]!.count) });
  return lists;
}

/** The entries of list `index` alone. */
export function wireListEntries(c: WireColumns, index: number): CompileEntry[] {
  if (!c.meta[index]) throw new RangeError(`no list ${index}`);
  const from = c.meta.slice(0, index).reduce((n, m) => n + m.count, 0);
  return finish(entriesSteps(c, from, c.meta[index].count));
}

function* entriesSteps(c: WireColumns, from: number, count: number): Steps<CompileEntry[]> {
  const entries = new Array<CompileEntry>(count);
  for (let i = 0, e = from; i < count; i++, e++) {
    const expression = c.firsts[e]! + c.dictionary[c.restIndex[e]!]!;
    entries[i] = { expression, kind: kindOfExpression(expression), line: c.lines[e]! };
    if (i % DECODE_SLICE === DECODE_SLICE - 1) yield;
  }
  return entries;
}

// What split() makes, so that each decoded expression has one encoding: a
// first part without `.` or `/`, and a rest that starts at the first `.` of the
// host (then holds the `/`) or at the `/`.
const isFirst = (first: string): boolean => first.length > 0 && first.indexOf('.') < 0 && first.indexOf('/') < 0;
const isRest = (rest: string): boolean => rest[0] === '/' || (rest[0] === '.' && rest.indexOf('/') > 0);
