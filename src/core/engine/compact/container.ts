// The framing shared by the compact engine's three serialized forms (hot
// table, cold records, wire entries). Little-endian, 8-byte aligned:
//
// | offset | size | field                                                    |
// |--------|------|----------------------------------------------------------|
// | 0      | 8    | magic: 0x89 'T' 'G' <2 letters naming the form> \r \n 0x1a |
// | 8      | 4    | format version of that form                              |
// | 12     | 4    | total byte length, a multiple of 8                       |
// | 16     | 16   | four u32 fields, meaning defined by the form             |
// | 32     | 4    | checksum of the whole buffer as u32 words, this one as 0 |
// | 36     | 4    | reserved, 0                                              |
// | 40     | ...  | body, zero-padded to a multiple of 8                     |
//
// The checksum is binary-format.ts's (4 FNV-1a lanes over words): each step is
// a bijection, so any change confined to one word, i.e. every flipped byte, is
// caught; a truncation is caught by the length word before the sum is taken.
import { checksum } from '../binary-format.ts';

export const CONTAINER_HEADER = 40;
const CHECKSUM_AT = 32;

export type Fields = [number, number, number, number];

export interface Container {
  fields: Fields;
  /** The body, 8-byte aligned in its buffer (copied when the input was not). */
  body: Uint8Array;
  /** The stored checksum: lets another form name this one exactly. */
  sum: number;
}

export const pad8 = (n: number): number => (n + 7) & ~7;

export function magicOf(form: string): Uint8Array {
  if (!/^[A-Z]{2}$/.test(form)) throw new Error(`bad form name ${form}`);
  return Uint8Array.of(0x89, 0x54, 0x47, form.charCodeAt(0), form.charCodeAt(1), 0x0d, 0x0a, 0x1a);
}

function assertLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error('big-endian platforms are not supported');
}

/**
 * A container with room for parts of these byte lengths, each starting on an
 * 8-byte boundary (`at`), to be filled in place and sealed with reseal(): a
 * large part written straight into it is never built apart and copied.
 */
export function layContainer(magic: Uint8Array, version: number, fields: Fields, lengths: readonly number[]): { bytes: Uint8Array; at: number[] } {
  assertLittleEndian();
  const total = CONTAINER_HEADER + lengths.reduce((n, l) => n + pad8(l), 0);
  const bytes = new Uint8Array(total);
  bytes.set(magic, 0);
  const view = new DataView(bytes.buffer);
  [version, total, ...fields].forEach((v, i) => view.setUint32(8 + 4 * i, v >>> 0, true));
  const at: number[] = [];
  let next = CONTAINER_HEADER;
  for (const l of lengths) {
    at.push(next);
    next += pad8(l);
  }
  return { bytes, at };
}

/** Header + the parts, each starting on an 8-byte boundary, sealed with the checksum. */
export function writeContainer(magic: Uint8Array, version: number, fields: Fields, parts: readonly ArrayBufferView[]): Uint8Array {
  const { bytes, at } = layContainer(magic, version, fields, parts.map((p) => p.byteLength));
  parts.forEach((p, i) => bytes.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at[i]!));
  return reseal(bytes);
}

/** Recomputes the checksum of an aligned container in place (tests use it to forge files that pass it). */
export function reseal(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  view.setUint32(CHECKSUM_AT, checksum(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)), true);
  return bytes;
}

/** Magic, version, length, reserved word and checksum; throws `${what}: reason`. */
export function readContainer(input: Uint8Array, magic: Uint8Array, version: number, what: string): Container {
  assertLittleEndian();
  const fail = (reason: string): never => {
    throw new Error(`${what}: ${reason}`);
  };
  if (input.length < CONTAINER_HEADER) fail(`truncated (${input.length} bytes)`);
  if (!magic.every((b, i) => input[i] === b)) fail('bad magic');
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, CONTAINER_HEADER);
  const word = (at: number): number => view.getUint32(at, true);
  if (word(8) !== version) fail(`unsupported version ${word(8)} (expected ${version})`);
  if (word(12) !== bytes.length || bytes.length % 8 !== 0) fail(`length mismatch (header ${word(12)}, got ${bytes.length}): truncated?`);
  if (word(36) !== 0) fail('bad header');
  const sum = word(CHECKSUM_AT);
  // checksum() reads word 8 (this one) as 0 itself.
  if (checksum(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)) !== sum) fail('checksum mismatch');
  return { fields: [word(16), word(20), word(24), word(28)], body: bytes.subarray(CONTAINER_HEADER), sum };
}
