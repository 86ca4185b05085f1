// The payload sections of a format-2 bundle (layout in format.ts): a full
// bundle's lists as the gzipped compact wire form, a delta's adds and removes
// as two wire forms gzipped together.
// The wire form is the compact engine's own (engine/compact/wire.ts), so the
// worker builds its engine straight from what it stores, and BundleState keeps
// these bytes (~8 per entry) instead of binaries and tables (~46 per entry).
import type { ListMeta } from '../model.ts';
import type { BundleEntry, DeltaPayload } from './types.ts';
import { decodeWire, encodeWire, readWireColumnsSteps, wireListsSteps, type WireColumns, type WireLists } from '../engine/compact/wire.ts';
import { paced, type Pause } from '../steps.ts';
import { kindOfExpression } from '../engine/compact/kind.ts';
import { gunzip, gzip } from './gzip.ts';
import { reject } from './errors.ts';

/** Signer side: throws on entries the wire form cannot carry as they are (a kind it would not give back). */
export async function encodeListsSection(metas: readonly ListMeta[], lists: ReadonlyArray<{ entries: readonly BundleEntry[] }>): Promise<Uint8Array> {
  if (lists.length !== metas.length) throw new Error('one entry list is needed per header list');
  const wireLists = lists.map((l, i) => {
    if (metas[i]!.count !== l.entries.length) throw new Error(`${metas[i]!.id}: the header counts ${metas[i]!.count} entries, the list has ${l.entries.length}`);
    for (const e of l.entries) checkEntry(metas[i]!.id, e);
    // Provenance travels in the signed header; the wire's copy is kept minimal (the id ties them).
    return { meta: { id: metas[i]!.id, title: '', origin: metas[i]!.origin, count: l.entries.length }, entries: l.entries };
  });
  return gzip(encodeWire({ lists: wireLists, removed: [] }));
}

async function inflate(section: Uint8Array, what: string): Promise<Uint8Array> {
  try {
    return await gunzip(section);
  } catch {
    return reject('corrupt', `The ${what} is not valid gzip.`);
  }
}

/**
 * Reader side: the section's columns, checked against the header (the same
 * lists in the same order, each of its declared count); rejects ('corrupt')
 * anything else. Entries come from them only where needed (entriesOfSection):
 * the worker builds its engine from the columns.
 */
export async function decodeListsSection(section: Uint8Array, metas: readonly ListMeta[], pause?: Pause): Promise<WireColumns> {
  const plain = await inflate(section, 'list section');
  let columns: WireColumns;
  try {
    columns = await paced(readWireColumnsSteps(plain), pause);
  } catch (e) {
    return reject('corrupt', `The list section is malformed (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (columns.removed.length !== 0) reject('corrupt', 'The list section is malformed (unexpected removals).');
  if (columns.meta.length !== metas.length) reject('corrupt', 'The list section does not hold the lists the header declares.');
  columns.meta.forEach((m, i) => {
    if (m.id !== metas[i]!.id || m.count !== metas[i]!.count) reject('corrupt', `List ${metas[i]!.id}: the list section does not match the header (id or count).`);
  });
  return columns;
}

/** The entries of each list of checked columns. `pause`: how to give the thread back meanwhile (~a second at 1M entries). */
export async function entriesOfSection(columns: WireColumns, pause?: Pause): Promise<BundleEntry[][]> {
  return (await paced(wireListsSteps(columns), pause)).map((l) => l.entries as BundleEntry[]); // made for this call alone: no copy (1M objects)
}

/**
 * A delta: two wire forms, gzipped together behind a u32 (big-endian) length
 * of the first: the adds as lists (lines kept), then the removes as lists
 * (their expressions; lines 0). Both per list id, as DeltaPayload has them.
 * The wire form's columns (first labels, dictionary-coded rests, line steps)
 * compress a 1k + 1k delta to ~16 KiB where gzipped text records took ~21.
 */
export async function encodeDeltaSection(delta: DeltaPayload): Promise<Uint8Array> {
  const adds = byList(delta.adds.map(({ list, ...e }) => [list, e] as const));
  const removes = byList(delta.removes.map((r) => [r.list, { expression: r.expression, kind: kindOfExpression(r.expression), line: 0 }] as const));
  const a = wireOf(adds);
  const b = wireOf(removes);
  const out = new Uint8Array(4 + a.length + b.length);
  new DataView(out.buffer).setUint32(0, a.length);
  out.set(a, 4);
  out.set(b, 4 + a.length);
  return gzip(out);
}

function byList(records: ReadonlyArray<readonly [string, BundleEntry]>): Map<string, BundleEntry[]> {
  const out = new Map<string, BundleEntry[]>();
  for (const [list, e] of records) {
    let bucket = out.get(list);
    if (!bucket) out.set(list, (bucket = []));
    bucket.push(e);
  }
  return out;
}

function wireOf(lists: Map<string, BundleEntry[]>): Uint8Array {
  const metas: ListMeta[] = [...lists.entries()].map(([id, entries]) => ({ id, title: '', origin: 'admin', count: entries.length }));
  return encodeWireChecked(metas, [...lists.values()]);
}

function encodeWireChecked(metas: readonly ListMeta[], lists: ReadonlyArray<readonly BundleEntry[]>): Uint8Array {
  metas.forEach((m, i) => lists[i]!.forEach((e) => checkEntry(m.id, e)));
  return encodeWire({ lists: metas.map((meta, i) => ({ meta, entries: lists[i]! })), removed: [] });
}

function checkEntry(id: string, e: BundleEntry): void {
  // Same rule as the text records (entries-codec.ts): canonical expressions never hold these.
  if (e.expression === '' || /[\t\n\r]/.test(e.expression)) throw new Error(`${id}: an expression must be non-empty without tabs or line breaks: ${JSON.stringify(e.expression)}`);
  if (kindOfExpression(e.expression) !== e.kind) throw new Error(`${id}: entry ${e.expression} is not of kind ${e.kind}`);
}

function decodeWireOrReject(bytes: Uint8Array, what: string): WireLists {
  let wire: WireLists;
  try {
    wire = decodeWire(bytes);
  } catch (e) {
    return reject('corrupt', `The ${what} is malformed (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (wire.removed.length !== 0) reject('corrupt', `The ${what} is malformed (unexpected removals).`);
  return wire;
}

export async function decodeDeltaSection(section: Uint8Array): Promise<DeltaPayload> {
  const plain = await inflate(section, 'delta section');
  if (plain.length < 4) reject('corrupt', 'The delta section is cut short.');
  const split = new DataView(plain.buffer, plain.byteOffset, plain.byteLength).getUint32(0);
  if (4 + split > plain.length) reject('corrupt', 'The delta section\'s first part runs past its end.');
  const adds = decodeWireOrReject(plain.subarray(4, 4 + split), 'delta section');
  const removes = decodeWireOrReject(plain.subarray(4 + split), 'delta section');
  return {
    adds: adds.lists.flatMap((l) => l.entries.map((e) => ({ list: l.meta.id, expression: e.expression, kind: e.kind, line: e.line }))),
    removes: removes.lists.flatMap((l) => l.entries.map((e) => ({ list: l.meta.id, expression: e.expression }))),
  };
}
