// The accessible description of a marked link ("this link leads to bitwoll.com, which …"),
// as a message key and its substitutions: the worker words it for checkHosts.
import type { Finding } from './protocol.ts';

export function linkMarkMessage(f: Finding, host: string): { key: 'content_linkMarkLabel' | 'content_linkMarkSuspected'; subs: string[] } {
  return f.level === 'blocked' ? { key: 'content_linkMarkLabel', subs: [host] } : { key: 'content_linkMarkSuspected', subs: [host, f.imitates] };
}
