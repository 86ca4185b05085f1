// Producing a signed bundle (admin side). Bad parts throw: an admin tool should
// stop loudly rather than publish something the extension will refuse.
import type { BundleParts } from './types.ts';
import { checkHeader, serializeHeader } from './header.ts';
import { encodeDelta, encodeEntries } from './entries-codec.ts';
import { gzip } from './gzip.ts';
import { encodeUnsigned, SIGNATURE_BYTES } from './format.ts';
import { buf, SIGN_ALGO, type Signer } from './keys.ts';
import { BundleRejection } from './errors.ts';

async function payloadSections(parts: BundleParts): Promise<Uint8Array[]> {
  if (parts.header.kind === 'delta' && 'delta' in parts) return [encodeDelta(parts.delta)];
  if (parts.header.kind === 'full' && 'lists' in parts) {
    if (parts.lists.length !== parts.header.lists.length) throw new Error('one compiled list is needed per header list');
    const sections: Uint8Array[] = [];
    for (const l of parts.lists) sections.push(l.compiled, await gzip(encodeEntries(l.entries)));
    return sections;
  }
  throw new Error('payload does not match the header kind');
}

export async function signBundle(parts: BundleParts, signer: Signer): Promise<Uint8Array> {
  try {
    checkHeader(parts.header);
  } catch (e) {
    throw e instanceof BundleRejection ? new Error(`invalid bundle header: ${e.message}`) : e;
  }
  const header = new TextEncoder().encode(serializeHeader(parts.header));
  const unsigned = encodeUnsigned(parts.header.kind, signer.publicKey.id, header, await payloadSections(parts));
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign(SIGN_ALGO, signer.privateKey, buf(unsigned)));
  if (signature.length !== SIGNATURE_BYTES) throw new Error(`unexpected signature length ${signature.length}`);
  const out = new Uint8Array(unsigned.length + SIGNATURE_BYTES);
  out.set(unsigned);
  out.set(signature, unsigned.length);
  return out;
}
