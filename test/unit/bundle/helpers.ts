// Small fixtures shared by the bundle tests: a key pair made once per file and
// tiny lists, so each test states only what differs.
import type { ListMeta } from '../../../src/core/model.ts';
import { generateSigner, type Signer } from '../../../src/core/bundle/keys.ts';
import { signBundle, signLegacyBundle } from '../../../src/core/bundle/sign.ts';
import type { BundleEntry, BundleHeader, DeltaPayload } from '../../../src/core/bundle/types.ts';
import type { EntryList } from '../../../src/core/bundle/delta.ts';
import { kindOfExpression } from '../../../src/core/engine/compact/kind.ts';

export const NOW = Date.parse('2026-06-01T00:00:00Z');
export const CREATED = '2026-05-31T00:00:00.000Z';
export const EXPIRES = '2026-07-01T00:00:00.000Z';

let cached: Promise<[Signer, Signer]> | null = null;
/** Two signers: the trusted one and a stranger. */
export const signers = (): Promise<[Signer, Signer]> => (cached ??= Promise.all([generateSigner(), generateSigner()]));

export function meta(id: string, count: number): ListMeta {
  return { id, title: `List ${id}`, origin: 'admin', source: 'https://lists.example/' + id, count };
}

export const entries = (...expressions: string[]): BundleEntry[] =>
  expressions.map((expression, i) => ({ expression, kind: kindOfExpression(expression), line: i + 1 }));

export const list = (id: string, ...expressions: string[]): EntryList => ({ meta: meta(id, expressions.length), entries: entries(...expressions) });

export function header(kind: 'full' | 'delta', seq: number, lists: ListMeta[], over: Partial<BundleHeader> = {}): BundleHeader {
  return { kind, seq, baseSeq: kind === 'delta' ? seq - 1 : null, created: CREATED, expires: EXPIRES, publisher: 'Example IT', name: 'test', lists, ...over };
}

/** A signed full bundle, format 2. */
export async function fullBundle(seq: number, lists: EntryList[], signer?: Signer, over: Partial<BundleHeader> = {}): Promise<Uint8Array> {
  const s = signer ?? (await signers())[0];
  const h = { ...header('full', seq, lists.map((l) => l.meta), over), kind: 'full' as const };
  return signBundle({ header: h, lists: lists.map((l) => ({ entries: l.entries })) }, s);
}

/** A signed full bundle of format 1 (what earlier versions stored), its "compiled" bytes a recognisable stand-in. */
export async function fullBundleV1(seq: number, lists: EntryList[], signer?: Signer, over: Partial<BundleHeader> = {}): Promise<Uint8Array> {
  const s = signer ?? (await signers())[0];
  const h = { ...header('full', seq, lists.map((l) => l.meta), over), kind: 'full' as const };
  const payload = lists.map((l) => ({ compiled: new TextEncoder().encode(`compiled:${l.meta.id}`), entries: l.entries }));
  return signLegacyBundle({ header: h, lists: payload }, s);
}

export async function deltaBundleV1(seq: number, baseSeq: number, lists: ListMeta[], delta: DeltaPayload, signer?: Signer): Promise<Uint8Array> {
  const s = signer ?? (await signers())[0];
  const h = { ...header('delta', seq, lists, { baseSeq }), kind: 'delta' as const };
  return signLegacyBundle({ header: h, delta }, s);
}

export async function deltaBundle(seq: number, baseSeq: number, lists: ListMeta[], delta: DeltaPayload, signer?: Signer): Promise<Uint8Array> {
  const s = signer ?? (await signers())[0];
  const h = { ...header('delta', seq, lists, { baseSeq }), kind: 'delta' as const };
  return signBundle({ header: h, delta }, s);
}
