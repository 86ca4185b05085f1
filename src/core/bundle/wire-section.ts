// The payload sections of a format-2 bundle (layout in format.ts): a full
// bundle's lists as the gzipped compact wire form, a delta's records gzipped.
// The wire form is the compact engine's own (engine/compact/wire.ts), so the
// worker builds its engine straight from what it stores, and BundleState keeps
// these bytes (~8 per entry) instead of binaries and tables (~46 per entry).
import type { ListMeta } from '../model.ts';
import type { BundleEntry, DeltaPayload } from './types.ts';
import { decodeWire, encodeWire } from '../engine/compact/wire.ts';
import { kindOfExpression } from '../engine/compact/kind.ts';
import { decodeDelta, encodeDelta } from './entries-codec.ts';
import { gunzip, gzip } from './gzip.ts';
import { reject } from './errors.ts';

/** Signer side: throws on entries the wire form cannot carry as they are (a kind it would not give back). */
export async function encodeListsSection(metas: readonly ListMeta[], lists: ReadonlyArray<{ entries: readonly BundleEntry[] }>): Promise<Uint8Array> {
  if (lists.length !== metas.length) throw new Error('one entry list is needed per header list');
  const wireLists = lists.map((l, i) => {
    if (metas[i]!.count !== l.entries.length) throw new Error(`${metas[i]!.id}: the header counts ${metas[i]!.count} entries, the list has ${l.entries.length}`);
    for (const e of l.entries) {
      // Same rule as the delta records (entries-codec.ts): canonical expressions never hold these.
      if (/[\t\n\r]/.test(e.expression)) throw new Error(`${metas[i]!.id}: an expression must be without tabs or line breaks: ${JSON.stringify(e.expression)}`);
      if (kindOfExpression(e.expression) !== e.kind) throw new Error(`${metas[i]!.id}: entry ${e.expression} is not of kind ${e.kind}`);
    }
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

/** Reader side: the entries of each header list; rejects ('corrupt') a section that does not match the header exactly. */
export async function decodeListsSection(section: Uint8Array, metas: readonly ListMeta[]): Promise<BundleEntry[][]> {
  const plain = await inflate(section, 'list section');
  let wire;
  try {
    wire = decodeWire(plain);
  } catch (e) {
    return reject('corrupt', `The list section is malformed (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (wire.removed.length !== 0 || wire.lists.length !== metas.length) reject('corrupt', 'The list section does not hold the lists the header declares.');
  return wire.lists.map((l, i) => {
    const meta = metas[i]!;
    if (l.meta.id !== meta.id || l.entries.length !== meta.count) reject('corrupt', `List ${meta.id}: the list section does not match the header (id or count).`);
    return l.entries.map((e) => ({ expression: e.expression, kind: e.kind, line: e.line }));
  });
}

export const encodeDeltaSection = (delta: DeltaPayload): Promise<Uint8Array> => gzip(encodeDelta(delta));

export async function decodeDeltaSection(section: Uint8Array): Promise<DeltaPayload> {
  return decodeDelta(await inflate(section, 'delta section'));
}
