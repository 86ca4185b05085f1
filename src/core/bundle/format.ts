// Byte layout of a signed update bundle (all integers big-endian):
//
//   offset  size  field
//   0       4     magic "TGUB" (Takedown Guard Update Bundle)
//   4       2     format version: 2 written, 1 and 2 read (see below)
//   6       1     kind: 1 = full, 2 = delta
//   7       1     reserved, 0
//   8       4     total length in bytes, signature included
//   12      8     key id: first 8 bytes of SHA-256(signer's SPKI DER)
//   20      4     header length H
//   24      4     section count S
//   28      H     header: canonical JSON, UTF-8 (header.ts)
//   ...           S sections, each a u32 length then that many bytes
//   end-64  64    ECDSA P-256 / SHA-256 signature, raw r||s, over bytes [0, end-64)
//
// Sections, format 2 (written since issue 12; ~8 bytes an entry at 1M):
//   full:  ONE section for all lists: gzip of the compact wire form, container
//          "CW" v1 (engine/compact/wire.ts: lists' metadata, entries column by
//          column, dictionary-coded). Its lists must equal header.lists (ids,
//          order, counts): checked on verify. The worker builds the compact
//          engine from it; no compiled binary travels any more.
//   delta: ONE section: gzip of [u32 length A][A: wire form of the adds, one
//          list per list id, lines kept][wire form of the removes, the same
//          way, lines 0] (wire-section.ts): 13-17 KiB for 1k adds + 1k removes.
// Sections, format 1 (read only, ~46 bytes an entry): a full bundle has two
// per list, in header.lists order: the compiled v1 engine binary, then its
// gzipped entry table; a delta has one: its records, not compressed.
// The version is inside the signed bytes, so it cannot be swapped without
// breaking the signature.
//
// The total length sits in the first 12 bytes so a reader can refuse an oversized
// or truncated download before reading the rest; every length field is checked
// against the real length before any slice is taken, and slices are views (no copy).
import type { BundleKind } from './types.ts';
import { reject } from './errors.ts';
import { KEY_ID_BYTES } from './keys.ts';

export const MAGIC = [0x54, 0x47, 0x55, 0x42]; // "TGUB"
/** The version written. */
export const FORMAT_VERSION = 2;
/** Versions read: 1 stays readable, see verify.ts for why. */
export const READ_VERSIONS: readonly number[] = [1, 2];
export const PREFIX_BYTES = 28;
export const SIGNATURE_BYTES = 64;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const MAX_SECTIONS = 4096;
const KIND_CODE: Record<BundleKind, number> = { full: 1, delta: 2 };

export interface Frame {
  version: number;
  kind: BundleKind;
  keyId: Uint8Array;
  header: Uint8Array;
  sections: Uint8Array[];
  /** The bytes the signature covers. */
  signed: Uint8Array;
  signature: Uint8Array;
}

/** Frames everything but the signature; the caller signs the result and appends 64 bytes. */
export function encodeUnsigned(kind: BundleKind, keyId: Uint8Array, header: Uint8Array, sections: Uint8Array[], version = FORMAT_VERSION): Uint8Array {
  if (!READ_VERSIONS.includes(version)) throw new Error(`cannot write bundle format ${version}`);
  const size = PREFIX_BYTES + header.length + sections.reduce((n, s) => n + 4 + s.length, 0);
  const total = size + SIGNATURE_BYTES;
  if (total > 0xffffffff) throw new Error('bundle larger than 4 GiB');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(4, version);
  view.setUint8(6, KIND_CODE[kind]);
  view.setUint32(8, total);
  out.set(keyId.subarray(0, KEY_ID_BYTES), 12);
  view.setUint32(20, header.length);
  view.setUint32(24, sections.length);
  out.set(header, PREFIX_BYTES);
  let at = PREFIX_BYTES + header.length;
  for (const s of sections) {
    view.setUint32(at, s.length);
    out.set(s, at + 4);
    at += 4 + s.length;
  }
  return out;
}

const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;

/**
 * Checks magic, version and the declared total against the limit and the bytes
 * present. Works on just the first 12 bytes, so a downloader can call it early.
 * Returns the declared total length.
 */
export function checkPrefix(bytes: Uint8Array, maxBytes: number): number {
  if (bytes.length > maxBytes) reject('too-large', `The bundle is ${mib(bytes.length)}, more than the ${mib(maxBytes)} allowed.`);
  if (bytes.length >= 4 && !hasMagic(bytes)) reject('corrupt', 'This file is not a Takedown Guard bundle (bad magic bytes).');
  if (bytes.length < 12) reject('truncated', `The bundle is cut short (${bytes.length} bytes).`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4);
  if (!READ_VERSIONS.includes(version)) reject('unsupported-version', `Bundle format version ${version} is not supported (this extension reads versions ${READ_VERSIONS.join(' and ')}).`);
  const total = view.getUint32(8);
  if (total > maxBytes) reject('too-large', `The bundle declares ${mib(total)}, more than the ${mib(maxBytes)} allowed.`);
  return total;
}

function hasMagic(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

export function decodeFrame(bytes: Uint8Array, maxBytes: number): Frame {
  const total = checkPrefix(bytes, maxBytes);
  if (bytes.length < total) reject('truncated', `The bundle is cut short: ${bytes.length} of ${total} bytes.`);
  if (bytes.length > total) reject('corrupt', `The bundle has ${bytes.length - total} unexpected bytes at the end.`);
  if (total < PREFIX_BYTES + SIGNATURE_BYTES) reject('corrupt', 'The bundle declares an impossible length.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kindCode = view.getUint8(6);
  const kind = kindCode === 1 ? 'full' : kindCode === 2 ? 'delta' : reject('corrupt', `Unknown bundle kind ${kindCode}.`);
  const end = total - SIGNATURE_BYTES;
  const headerLength = view.getUint32(20);
  const count = view.getUint32(24);
  if (PREFIX_BYTES + headerLength > end) reject('corrupt', 'The header length runs past the end of the bundle.');
  if (count > MAX_SECTIONS) reject('corrupt', `The bundle declares ${count} sections (at most ${MAX_SECTIONS}).`);
  const sections: Uint8Array[] = [];
  let at = PREFIX_BYTES + headerLength;
  for (let i = 0; i < count; i++) {
    if (at + 4 > end) reject('corrupt', 'A section length runs past the end of the bundle.');
    const length = view.getUint32(at);
    if (at + 4 + length > end) reject('corrupt', 'A section runs past the end of the bundle.');
    sections.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (at !== end) reject('corrupt', 'The sections do not fill the bundle exactly.');
  return {
    version: view.getUint16(4),
    kind,
    keyId: bytes.subarray(12, 12 + KEY_ID_BYTES),
    header: bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength),
    sections,
    signed: bytes.subarray(0, end),
    signature: bytes.subarray(end, total),
  };
}
