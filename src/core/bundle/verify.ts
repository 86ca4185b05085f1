// Accepting a bundle (extension side). Checks run cheapest and most fundamental
// first: size and framing, key, signature, and only then the signed header's
// claims (expiry, sequence, delta base). Nothing unsigned is parsed beyond the
// length fields, and nothing here throws for bad input.
import type { BundleEntry, VerifiedBundle } from './types.ts';
import { BundleRejection, bundleError, reject, type BundleError } from './errors.ts';
import { decodeFrame, DEFAULT_MAX_BYTES } from './format.ts';
import { parseHeader } from './header.ts';
import { decodeDelta, decodeEntries } from './entries-codec.ts';
import { decodeDeltaSection, decodeListsSection } from './wire-section.ts';
import { wireListEntries } from '../engine/compact/wire.ts';
import { gunzip } from './gzip.ts';
import { buf, findTrustedKey, SIGN_ALGO, toHex, type PublicKey } from './keys.ts';
import type { Pause } from '../steps.ts';

export interface VerifyOptions {
  /** "p256:..." public keys (policy trustedKeys). Malformed ones are skipped. */
  trustedKeys: readonly string[];
  /**
   * Seq of the bundle in force, null when none. The new bundle must be strictly newer,
   * and a delta's base must equal it. 'any' skips both checks: for inspection tools only.
   */
  currentSeq: number | null | 'any';
  /** The clock for expiry checks; 'any' skips them (inspection tools only). */
  now: Date | number | 'any';
  maxBytes?: number;
  /** Tolerance for a signer's clock running ahead when checking `created`. Default 10 minutes. */
  clockSkewMs?: number;
  /** How to give the thread back during the long steps (core/steps.ts); none: in one go. */
  pause?: Pause;
}

export type VerifyResult = { ok: true; bundle: VerifiedBundle } | { ok: false; error: BundleError };

const DEFAULT_SKEW_MS = 10 * 60 * 1000;

async function findKey(trusted: readonly string[], keyId: Uint8Array): Promise<PublicKey> {
  const id = toHex(keyId);
  const key = await findTrustedKey(trusted, id);
  if (key) return key;
  return reject('untrusted-key', trusted.length === 0
    ? 'No trusted key is configured, so no update bundle can be accepted.'
    : `The bundle is signed with key ${id}, which is not among the trusted keys.`);
}

function checkTime(created: string, expires: string, now: number, skew: number): void {
  if (Date.parse(expires) <= now) reject('expired', `The bundle expired on ${expires}.`);
  if (Date.parse(created) > now + skew) reject('not-yet-valid', `The bundle is dated ${created}, in the future: check the computer's clock.`);
}

function checkSequence(kind: string, seq: number, baseSeq: number | null, current: number | null): void {
  if (current !== null && seq <= current) {
    reject('replayed', seq === current
      ? `Bundle ${seq} is already in force; an update must have a higher sequence number.`
      : `Bundle ${seq} is older than bundle ${current} in force (a replayed or downgraded update).`);
  }
  if (kind === 'delta' && baseSeq !== current) {
    reject('wrong-base', `This update changes bundle ${baseSeq}, but ${current === null ? 'no bundle' : `bundle ${current}`} is in force.`);
  }
}

async function verifyOrThrow(bytes: Uint8Array, opts: VerifyOptions): Promise<VerifiedBundle> {
  const frame = decodeFrame(bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const key = await findKey(opts.trustedKeys, frame.keyId);
  const valid = await globalThis.crypto.subtle.verify(SIGN_ALGO, key.key, buf(frame.signature), buf(frame.signed));
  if (!valid) reject('bad-signature', 'The bundle signature does not match its content: it was altered or damaged.');
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(frame.header);
  } catch {
    return reject('corrupt', 'The bundle header is not valid UTF-8.');
  }
  const header = parseHeader(json, frame.kind);
  if (opts.now !== 'any') checkTime(header.created, header.expires, +opts.now, opts.clockSkewMs ?? DEFAULT_SKEW_MS);
  if (opts.currentSeq !== 'any') checkSequence(header.kind, header.seq, header.baseSeq, opts.currentSeq);
  const bundle: VerifiedBundle = { version: frame.version, header, keyId: toHex(frame.keyId), compiled: [], encodedEntries: [], wire: null, columns: null, delta: null };
  // Format 1 is still accepted from the network, signature and sequence checked
  // the same way: an admin whose publishing pipeline still emits it (or a
  // mirror serving an older build) keeps protecting users rather than
  // stranding them on an expiring bundle; its seq must still be newer, so it
  // is no downgrade path. Only its size is worse (~46 bytes an entry).
  const perList = frame.version === 1 ? 2 : 0;
  const expected = header.kind === 'delta' ? 1 : perList === 0 ? 1 : header.lists.length * perList;
  if (frame.sections.length !== expected) reject('corrupt', `The bundle has ${frame.sections.length} sections, expected ${expected}.`);
  if (header.kind === 'delta') {
    bundle.delta = frame.version === 1 ? decodeDelta(frame.sections[0]!) : await decodeDeltaSection(frame.sections[0]!);
    const ids = new Set(header.lists.map((l) => l.id));
    if (![...bundle.delta.adds, ...bundle.delta.removes].every((r) => ids.has(r.list))) reject('corrupt', 'The delta changes a list it does not declare.');
  } else if (frame.version === 1) {
    frame.sections.forEach((s, i) => (i % 2 === 0 ? bundle.compiled : bundle.encodedEntries).push(s));
  } else {
    // Decoded here, not later: a signed but malformed section (a broken signer) is refused before it can replace anything.
    bundle.wire = frame.sections[0]!;
    bundle.columns = await decodeListsSection(bundle.wire, header.lists, opts.pause);
  }
  return bundle;
}

export async function verifyBundle(bytes: Uint8Array, opts: VerifyOptions): Promise<VerifyResult> {
  try {
    return { ok: true, bundle: await verifyOrThrow(bytes, opts) };
  } catch (e) {
    if (e instanceof BundleRejection) return { ok: false, error: e.error };
    return { ok: false, error: bundleError('corrupt', `The bundle could not be read: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

/** Decodes one gzipped entry table (about a second for 1M entries; never on the worker's verify path). */
export async function decodeEntryTable(table: Uint8Array): Promise<BundleEntry[]> {
  let plain: Uint8Array;
  try {
    plain = await gunzip(table);
  } catch {
    throw new Error('an entry table is not valid gzip');
  }
  return decodeEntries(plain);
}

/** The entries of list `index` of a verified full bundle. Throws if the signed table is malformed (a broken signer). */
export async function bundleEntries(bundle: VerifiedBundle, index: number): Promise<BundleEntry[]> {
  if (bundle.columns) {
    if (!bundle.columns.meta[index]) throw new RangeError(`bundle has no list ${index}`);
    return wireListEntries(bundle.columns, index) as BundleEntry[];
  }
  const table = bundle.encodedEntries[index];
  if (!table) throw new RangeError(`bundle has no list ${index}`);
  return decodeEntryTable(table);
}
