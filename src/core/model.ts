// Shared vocabulary of the pure core. Every layer above (messages, platform,
// background, content, ui, scripts) speaks in these types.

/** Provenance of one list, as declared in its header (see blocklists/README.md). */
export interface ListMeta {
  /** Stable id, e.g. the file's base name `microsoft-v-thallium-2019`. */
  id: string;
  /** Human title: the case name for court lists, the admin's name for others. */
  title: string;
  /**
   * Where the list came from: `court` (bundled seizure lists), `admin`
   * (policy/bundle), `user` (options page), `address` (host names found, this
   * session, to resolve to a listed IP address: background/address-guard.ts).
   */
  origin: 'court' | 'admin' | 'user' | 'address';
  court?: string;
  docket?: string;
  date?: string;
  seizedBy?: string;
  description?: string;
  source?: string;
  /** How complete the list is relative to the court's list (free text from the header). */
  confidence?: string;
  /** Number of entries compiled from it. */
  count: number;
  /** Lines the import skipped, when any (a lenient import or an Adblock list's cosmetic rules). */
  skipped?: ImportSummary;
}

/** The entry that made a URL match, with where it came from. */
export interface Match {
  /** The Safe Browsing expression as listed, e.g. `evil.com/` or `evil.com/login.html`. */
  entry: string;
  /** ListMeta.id of the list holding it. */
  list: string;
  /** 1-based line in the list's source file (0 when it has no file, e.g. policy entries). */
  line: number;
}

export type VerdictKind = 'warn' | 'ok' | 'invalid';

/** The answer to "is this URL listed, and by whom?" (the `npm run check` JSON line). */
export interface Verdict {
  input: string;
  /** Canonical URL per the Safe Browsing v4 document, or null when it has none. */
  canonical: string | null;
  host: string | null;
  verdict: VerdictKind;
  match: Match | null;
}

/** One reason lines were skipped at import, with the first few lines (as written). */
export interface SkipReason {
  /** A list SkipCode (`public-suffix`, `cosmetic`, ...); the UI names known ones. */
  code: string;
  count: number;
  first: Array<{ line: number; text: string }>;
}

/** What an import left out, carried in ListMeta and the signed bundle header. */
export interface ImportSummary {
  /** Distinct lines with something skipped. */
  lines: number;
  /** By count, largest first. */
  reasons: SkipReason[];
}
