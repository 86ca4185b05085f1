// Canonical JSON for the signed header: keys in a fixed order, optional ListMeta
// fields only when present, so the same header always gives the same bytes.
// Parsing validates every field; it runs only on signature-checked bytes.
import type { ImportSummary, ListMeta } from '../model.ts';
import type { BundleHeader, BundleKind } from './types.ts';
import { reject } from './errors.ts';

const LIST_KEYS = ['id', 'title', 'origin', 'court', 'docket', 'date', 'seizedBy', 'description', 'source', 'confidence', 'count'] as const;
const OPTIONAL_TEXT = ['court', 'docket', 'date', 'seizedBy', 'description', 'source', 'confidence'] as const;
const ORIGINS: readonly string[] = ['court', 'admin', 'user'];

/** The import summary in a fixed key order (it is signed). */
function canonicalSummary(s: ImportSummary): Record<string, unknown> {
  return {
    lines: s.lines,
    reasons: s.reasons.map((r) => ({ code: r.code, count: r.count, first: r.first.map((f) => ({ line: f.line, text: f.text })) })),
  };
}

function canonicalList(meta: ListMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of LIST_KEYS) if (meta[k] !== undefined) out[k] = meta[k];
  // Last, and only when present: bundles from before it carry no such key.
  if (meta.skipped !== undefined) out['skipped'] = canonicalSummary(meta.skipped);
  return out;
}

export function serializeHeader(h: BundleHeader): string {
  return JSON.stringify({
    kind: h.kind,
    seq: h.seq,
    baseSeq: h.baseSeq,
    created: h.created,
    expires: h.expires,
    publisher: h.publisher,
    name: h.name,
    lists: h.lists.map(canonicalList),
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isText = (v: unknown): v is string => typeof v === 'string' && !/[\t\n\r]/.test(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A list's import summary, or null when malformed. */
function parseSummary(v: unknown): ImportSummary | null {
  if (!isObj(v) || !isCount(v.lines) || !Array.isArray(v.reasons)) return null;
  const reasons: ImportSummary['reasons'] = [];
  for (const r of v.reasons as unknown[]) {
    if (!isObj(r) || !isText(r.code) || !isCount(r.count) || !Array.isArray(r.first)) return null;
    const first = (r.first as unknown[]).map((f) => (isObj(f) && isCount(f.line) && isText(f.text) ? { line: f.line, text: f.text } : null));
    if (first.includes(null)) return null;
    reasons.push({ code: r.code, count: r.count, first: first as Array<{ line: number; text: string }> });
  }
  return { lines: v.lines, reasons };
}

function parseListMeta(v: unknown): ListMeta {
  if (!isObj(v) || !isText(v.id) || v.id === '' || typeof v.title !== 'string') return reject('corrupt', 'A list description in the header is malformed.');
  if (typeof v.origin !== 'string' || !ORIGINS.includes(v.origin)) return reject('corrupt', `List ${v.id} has an unknown origin.`);
  if (typeof v.count !== 'number' || !Number.isSafeInteger(v.count) || v.count < 0) return reject('corrupt', `List ${v.id} has a bad count.`);
  const meta: ListMeta = { id: v.id, title: v.title, origin: v.origin as ListMeta['origin'], count: v.count };
  for (const k of OPTIONAL_TEXT) {
    const x = v[k];
    if (x === undefined) continue;
    if (typeof x !== 'string') return reject('corrupt', `List ${v.id} has a non-text ${k}.`);
    meta[k] = x;
  }
  if (v.skipped !== undefined) {
    const summary = parseSummary(v.skipped);
    if (summary === null) return reject('corrupt', `List ${v.id} has a malformed import summary.`);
    meta.skipped = summary;
  }
  return meta;
}

/** Checks the header's own consistency (also run by the signer, so bad bundles are never made). */
export function checkHeader(h: BundleHeader): void {
  if (!isSeq(h.seq)) reject('corrupt', 'The sequence number must be a positive integer.');
  if (h.kind === 'delta' ? !isSeq(h.baseSeq) || h.baseSeq >= h.seq : h.baseSeq !== null) {
    reject('corrupt', 'The base sequence number does not fit the bundle kind.');
  }
  if (!isInstant(h.created) || !isInstant(h.expires)) reject('corrupt', 'The created or expires date is not a valid date.');
  if (Date.parse(h.expires) <= Date.parse(h.created)) reject('corrupt', 'The bundle expires before it was created.');
  if (!isText(h.publisher) || !isText(h.name)) reject('corrupt', 'The publisher or name contains line breaks.');
  if (!h.lists.every((l) => isText(l.id) && l.id !== '')) reject('corrupt', 'A list id is empty or contains line breaks or tabs.');
  const ids = new Set(h.lists.map((l) => l.id));
  if (ids.size !== h.lists.length) reject('corrupt', 'Two lists in the bundle share an id.');
}

export function parseHeader(json: string, expectedKind: BundleKind): BundleHeader {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return reject('corrupt', 'The bundle header is not valid JSON.');
  }
  if (!isObj(v) || v.kind !== expectedKind || !Array.isArray(v.lists)) return reject('corrupt', 'The bundle header is malformed.');
  const header: BundleHeader = {
    kind: expectedKind,
    seq: v.seq as number,
    baseSeq: (v.baseSeq ?? null) as number | null,
    created: v.created as string,
    expires: v.expires as string,
    publisher: v.publisher as string,
    name: v.name as string,
    lists: v.lists.map(parseListMeta),
  };
  checkHeader(header);
  return header;
}
