// The one request a password alert makes, to the admin's passwordAlertReportUrl:
// exactly these four fields, as JSON. Never the password, its hash, its
// length, the page's path or anything typed: the admin learns which sign-in's
// password reached which host, when, and from which installation.
export interface PasswordAlertReport {
  host: string;
  /** ISO 8601. */
  time: string;
  /** The protected account's label (its sign-in host, learned.ts). */
  account: string;
  extensionId: string;
}

export function alertReportBody(r: PasswordAlertReport): string {
  const { host, time, account, extensionId } = r;
  return JSON.stringify({ host, time, account, extensionId });
}
