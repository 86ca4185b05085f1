// The extension's ids, defined once: the Firefox id set in the build, and the
// Chrome id derived from the manifest `key` (as Chrome does: the first 128 bits
// of SHA-256 of the public key, written with the letters a-p).
import { createHash } from 'node:crypto';
import manifest from '../../manifest.json' with { type: 'json' };

export const GECKO_ID = 'takedown-guard@takedown-guard.org';

export const CHROME_EXTENSION_ID = [...createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32)]
  .map((h) => String.fromCharCode(97 + parseInt(h, 16)))
  .join('');
