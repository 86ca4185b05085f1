// The one definition of every message between the worker, content scripts and
// extension pages. Senders build requests with these types; the worker
// validates every incoming value with `parseRequest` before acting on it,
// because a compromised or hostile page could forward anything.
import type { ListMeta, Match, Verdict } from '../core/model.ts';

/** Why a host or page is dangerous, and how sure we are. */
export type Finding =
  | { level: 'blocked'; match: Match; list: ListMeta }
  | { level: 'suspected'; imitates: string; rule: 'skeleton' | 'edit-distance' | 'embedded-brand' };

/** What the user may do on a warning for a given list (admin policy decides). */
export type ContinueMode = 'never' | 'session' | 'timed-with-reason';

export interface LookupResult {
  verdict: Verdict;
  finding: Finding | null;
  continueMode: ContinueMode;
}

export interface HostResult {
  host: string;
  finding: Finding | null;
}

export interface PageAssessment {
  /** Finding for the page itself (blocked or look-alike), if any. */
  page: Finding | null;
  /** Findings for the form/XHR targets that are dangerous, keyed by host. */
  targets: HostResult[];
  /** The user already chose to continue on this host this session. */
  continued: boolean;
  continueMode: ContinueMode;
}

export type Request =
  | { type: 'lookup'; url: string }
  | { type: 'checkHosts'; hosts: string[] }
  | { type: 'assessPage'; url: string; targets: string[] }
  | { type: 'proceed'; url: string; reason?: string }
  | { type: 'status' };

/** The response type for each request type. */
export interface ResponseMap {
  lookup: LookupResult;
  checkHosts: HostResult[];
  assessPage: PageAssessment;
  proceed: { ok: true } | { ok: false; error: string };
  status: unknown;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

const MAX_HOSTS = 1000;
const MAX_URL = 8192;

const isStr = (v: unknown, max = MAX_URL): v is string => typeof v === 'string' && v.length <= max;
const isStrArray = (v: unknown, maxLen: number): v is string[] =>
  Array.isArray(v) && v.length <= maxLen && v.every((s) => isStr(s, 512));

/** Returns the request if `raw` is a well-formed one, else null. Extra fields are dropped. */
export function parseRequest(raw: unknown): Request | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'lookup':
      return isStr(m.url) ? { type: 'lookup', url: m.url } : null;
    case 'checkHosts':
      return isStrArray(m.hosts, MAX_HOSTS) ? { type: 'checkHosts', hosts: m.hosts } : null;
    case 'assessPage':
      return isStr(m.url) && isStrArray(m.targets, MAX_HOSTS)
        ? { type: 'assessPage', url: m.url, targets: m.targets }
        : null;
    case 'proceed':
      if (!isStr(m.url)) return null;
      if (m.reason !== undefined && !isStr(m.reason, 2000)) return null;
      return m.reason === undefined ? { type: 'proceed', url: m.url } : { type: 'proceed', url: m.url, reason: m.reason };
    case 'status':
      return { type: 'status' };
    default:
      return null;
  }
}
