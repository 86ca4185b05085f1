// Rejects what cannot be a hostname before any rule looks at it, so the cost
// of a check is bounded by DNS's own limits (RFC 1035: 253 characters, labels
// of 63) whatever a page or a broken URL reader hands us: a 7,000-character
// "host" with a backslash costs one length test, not a walk over its dots.

export const MAX_HOST_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;

/** Characters a host can hold: ASCII letters, digits, `-`, `_`, `.`, or any non-ASCII (IDN given unencoded). */
const HOST_CHARS = /^[a-z0-9._\-\u0080-\uffff]+$/;

/** The lowercase host without its trailing dot, or null when it cannot be a hostname. */
export function acceptableHost(raw: string): string | null {
  // One more for the trailing dot of a fully qualified name.
  if (raw.length > MAX_HOST_LENGTH + 1) return null;
  const lower = raw.trim().toLowerCase();
  const host = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (!host || !HOST_CHARS.test(host)) return null;
  let start = 0;
  for (let dot = host.indexOf('.'); ; dot = host.indexOf('.', start)) {
    const end = dot < 0 ? host.length : dot;
    if (end === start || end - start > MAX_LABEL_LENGTH) return null;
    if (dot < 0) return host;
    start = dot + 1;
  }
}
