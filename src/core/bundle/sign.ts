// Producing a signed bundle (admin side). Bad parts throw: an admin tool should
// stop loudly rather than publish something the extension will refuse.
import type { BundleHeader, BundleParts, LegacyListPayload } from './types.ts';
import { checkHeader, serializeHeader } from './header.ts';
import { encodeDelta, encodeEntries } from './entries-codec.ts';
import { gzip } from './gzip.ts';
import { encodeUnsigned, FORMAT_VERSION, SIGNATURE_BYTES } from './format.ts';
import { encodeDeltaSection, encodeListsSection } from './wire-section.ts';
import { buf, SIGN_ALGO, type Signer } from './keys.ts';
import { BundleRejection } from './errors.ts';

async function payloadSections(parts: BundleParts): Promise<Uint8Array[]> {
  if (parts.header.kind === 'delta' && 'delta' in parts) return [await encodeDeltaSection(parts.delta)];
  if (parts.header.kind === 'full' && 'lists' in parts) return [await encodeListsSection(parts.header.lists, parts.lists)];
  throw new Error('payload does not match the header kind');
}

/** Format-1 sections (what extensions before issue 12 read), for compatibility tests and tools. */
async function legacySections(parts: LegacyParts): Promise<Uint8Array[]> {
  if (parts.header.kind === 'delta' && 'delta' in parts) return [encodeDelta(parts.delta)];
  if (parts.header.kind === 'full' && 'lists' in parts) {
    if (parts.lists.length !== parts.header.lists.length) throw new Error('one compiled list is needed per header list');
    const sections: Uint8Array[] = [];
    for (const l of parts.lists) sections.push(l.compiled, await gzip(encodeEntries(l.entries)));
    return sections;
  }
  throw new Error('payload does not match the header kind');
}

export type LegacyParts = Exclude<BundleParts, { lists: unknown }> | { header: BundleHeader & { kind: 'full' }; lists: LegacyListPayload[] };

async function signFramed(header: BundleHeader, sections: Uint8Array[], version: number, signer: Signer): Promise<Uint8Array> {
  const json = new TextEncoder().encode(serializeHeader(header));
  const unsigned = encodeUnsigned(header.kind, signer.publicKey.id, json, sections, version);
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign(SIGN_ALGO, signer.privateKey, buf(unsigned)));
  if (signature.length !== SIGNATURE_BYTES) throw new Error(`unexpected signature length ${signature.length}`);
  const out = new Uint8Array(unsigned.length + SIGNATURE_BYTES);
  out.set(unsigned);
  out.set(signature, unsigned.length);
  return out;
}

/** A format-2 bundle (the current one). */
export async function signBundle(parts: BundleParts, signer: Signer): Promise<Uint8Array> {
  checkHeaderOrThrow(parts.header);
  return signFramed(parts.header, await payloadSections(parts), FORMAT_VERSION, signer);
}

/** A format-1 bundle: only to test that stored and fetched v1 bundles are still read. */
export async function signLegacyBundle(parts: LegacyParts, signer: Signer): Promise<Uint8Array> {
  checkHeaderOrThrow(parts.header);
  return signFramed(parts.header, await legacySections(parts), 1, signer);
}

function checkHeaderOrThrow(header: BundleHeader): void {
  try {
    checkHeader(header);
  } catch (e) {
    throw e instanceof BundleRejection ? new Error(`invalid bundle header: ${e.message}`) : e;
  }
}
