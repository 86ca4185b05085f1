// "This is a mistake": a report naming only the entry, the list and its version.
// Never the page URL or anything else from browsing: the entry is the list's
// own text, which the admin already has.

export interface ReportFacts {
  entry: string;
  list: string;
  listVersion: string;
}

export interface ReportLink {
  /** mailto:/https: URL to open, or null when no address is configured. */
  url: string | null;
  subject: string;
  /** The same facts as plain text, to show or copy (e.g. for the list's maintainer). */
  text: string;
}

export function reportText(f: ReportFacts): { subject: string; text: string } {
  return {
    subject: `Takedown Guard: possible mistake in list ${f.list}`,
    text: [
      'A Takedown Guard warning may be a mistake.',
      `Entry: ${f.entry}`,
      `List: ${f.list}`,
      `List version: ${f.listVersion}`,
    ].join('\n'),
  };
}

function mailto(address: string, subject: string, body: string): string {
  const sep = address.includes('?') ? '&' : '?';
  return `${address}${sep}subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

function https(address: string, f: ReportFacts): string {
  const u = new URL(address);
  u.searchParams.set('entry', f.entry);
  u.searchParams.set('list', f.list);
  u.searchParams.set('version', f.listVersion);
  return u.href;
}

/** `settings.reportAddress` is already validated by parsePolicy (mailto: or https:). */
export function reportLink(settings: { reportAddress: string | null }, f: ReportFacts): ReportLink {
  const { subject, text } = reportText(f);
  const a = settings.reportAddress;
  const url = a === null ? null : a.startsWith('mailto:') ? mailto(a, subject, text) : https(a, f);
  return { url, subject, text };
}
