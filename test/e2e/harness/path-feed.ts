// The list of attack-path-feed.html: one entry for each tier of path rules
// (core/dnr/path-rules.ts, ordered by pattern text) and 4,600 more paths on
// feed.test, so that the regex budget and then the urlFilter budget run out.
// A look-alike of microsoft.com has a path in the urlFilter tier too, so its
// pages are held as well as warned about.
import type { IncomingMessage } from 'node:http';
import type { Route } from './server.ts';

export const LOOKALIKE_HELD = 'login.micros0ft.test';
export const FEED_HOSTS = ['regex.test', 'filter.test', 'whole.test', 'feed.test', LOOKALIKE_HELD];

const feedPaths = Array.from({ length: 4600 }, (_, i) => `feed.test/k${String(i + 1).padStart(4, '0')}/`);
/** Listed paths; `a-` sorts first (regex), `k0600-`/`k0601-` among the urlFilter ones, `z-` last (whole host). */
const TIERS = ['regex.test/a-regex/', 'filter.test/k0600-filter/', `${LOOKALIKE_HELD}/k0601-lookalike/`, 'whole.test/z-whole/'];
export const FEED_ENTRIES = [...TIERS, ...feedPaths];

/** A logged `host/path` under one of the listed paths, in any case or spelling the page tried. */
export function isUnderListedPath(logged: string): boolean {
  const plain = decodeURIComponent(logged).toLowerCase().replace(/\/{2,}/g, '/');
  return [...TIERS, 'feed.test/k'].some((p) => plain.startsWith(p));
}

/** Every request as `host/path`, and form POSTs as `host/path body`, recorded by `recorder`. */
export function requestLog(): { seen: string[]; posts: string[]; recorder: Route } {
  const seen: string[] = [];
  const posts: string[] = [];
  const recorder: Route = (req: IncomingMessage) => {
    const at = `${(req.headers.host ?? '').replace(/:\d+$/, '')}${req.url ?? ''}`;
    seen.push(at);
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => posts.push(`${at} ${body}`));
    }
    return false;
  };
  return { seen, posts, recorder };
}
