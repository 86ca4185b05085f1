// HMAC-SHA-256 computed synchronously, for the watcher in the content script,
// with @noble/hashes (audited, dependency-free) rather than our own SHA-256.
// Two reasons not to use WebCrypto there: crypto.subtle is [SecureContext],
// and a content script on an http:// page (where many phishing pages are) has
// none; and an answer within the `input` event lets the watcher stop the
// event, and anything after it, before any page listener sees the completed
// password. The learner (in the worker) uses WebCrypto (hash.ts); unit tests
// check both give the same bits.
//
// The keyed HMAC is set up once per salt and cloned per candidate, so the key
// pads are not hashed again for every window.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** An HMAC-SHA-256 keyed with the install's salt, ready to be cloned per text. */
export interface SyncHmacKey {
  readonly keyed: ReturnType<typeof hmac.create>;
}

/** `salt`: base64 as hash.ts makes it. */
export function syncHmacKey(salt: string): SyncHmacKey {
  const key = Uint8Array.from(atob(salt), (c) => c.charCodeAt(0));
  return { keyed: hmac.create(sha256, key) };
}

const encoder = new TextEncoder();

/** The first `bits` bits (a multiple of 4, at most 32) of HMAC-SHA-256(salt, text), as hex: equal to hash.ts truncatedHmac. */
export function syncTruncatedHmac(key: SyncHmacKey, text: string, bits: number): string {
  const mac = key.keyed.clone().update(encoder.encode(text)).digest();
  const first = ((mac[0]! << 24) | (mac[1]! << 16) | (mac[2]! << 8) | mac[3]!) >>> 0;
  return first.toString(16).padStart(8, '0').slice(0, bits / 4);
}
