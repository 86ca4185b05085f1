// Decodes IDNA `xn--` labels for skeletons: browsers hand us ASCII hosts, but
// confusable skeletons work on the Unicode the user sees. The `punycode`
// package (RFC 3492, maintained) does the decoding; a malformed label is kept
// as it is (it then simply fails to match any protected name).
import punycode from 'punycode/punycode.js';

/** `xn--mcrosoft-...` -> Unicode; any other label unchanged. */
export function decodeLabel(label: string): string {
  if (!label.startsWith('xn--')) return label;
  try {
    return punycode.decode(label.slice(4));
  } catch {
    return label;
  }
}

/** Decodes each dot-separated label of a host. */
export function toUnicodeHost(host: string): string {
  return host.includes('xn--') ? host.split('.').map(decodeLabel).join('.') : host;
}
