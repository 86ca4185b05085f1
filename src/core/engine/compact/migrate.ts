// Format migration: a version-1 compiled binary (binary-format.ts, what
// caches and bundles hold today) to the compact parts, from the binary alone
// (its string table, lines and tags), so an upgrade needs neither the list
// text nor a network fetch. The binary is fully validated first (checksum,
// order, index) by Blocklist.load; the worker keeps answering from it until
// the compact parts are stored, so no moment is unprotected.
import { Blocklist } from '../blocklist.ts';
import { KINDS, LIST_INDEX_BITS, readBinary } from '../binary-format.ts';
import type { CompileEntry, CompileList } from '../compile.ts';
import { buildCompact, type CompactParts } from './compact-blocklist.ts';

const LIST_MASK = (1 << LIST_INDEX_BITS) - 1;

/** The lists a version-1 binary was compiled from (after its de-duplication), entries in line order. */
export function listsOfBinary(bytes: Uint8Array): CompileList[] {
  const { lists } = Blocklist.load(bytes);
  const s = readBinary(bytes);
  const decoder = new TextDecoder();
  const entries: CompileEntry[][] = lists.map(() => []);
  for (let i = 0; i < s.tags.length; i++) {
    const tag = s.tags[i]!;
    const expression = decoder.decode(s.strings.subarray(s.stringOffsets[i], s.stringOffsets[i + 1]));
    entries[tag & LIST_MASK]!.push({ expression, kind: KINDS[tag >>> LIST_INDEX_BITS]!, line: s.lines[i]! });
  }
  return lists.map((meta, i) => ({ meta, entries: entries[i]!.sort((a, b) => a.line - b.line) }));
}

/** The binary's metadata is kept as stored (its counts are of the entries before de-duplication). */
export function compactFromBinary(bytes: Uint8Array): CompactParts {
  const lists = listsOfBinary(bytes);
  return buildCompact(lists, lists.map((l) => l.meta));
}
