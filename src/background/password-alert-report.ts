// Where a password alert goes once it fired: the local report, and the
// admin's passwordAlertReportUrl when one is set. The POST is the extension's
// only request besides list updates; it carries exactly the four fields of
// src/core/password-alert/report.ts, never the password or anything derived from it.
import { alertReportBody } from '../core/password-alert/report.ts';
import { extensionId } from '../platform/extension-id.ts';

export type PasswordAlertAction = 'alerted' | 'back' | 'change' | 'own-site';

export interface PasswordAlertEvent {
  host: string;
  /** The protected account's label. */
  account: string;
  /** ISO 8601. */
  time: string;
  action: PasswordAlertAction;
}

/**
 * The local protection report's entry point for password alerts (issue 13's
 * second half builds the report store): called once when the alert shows and
 * once with the user's answer.
 */
export function reportPasswordAlert(event: PasswordAlertEvent): void {
  // report13 hook: the lead wires this to the report store when merging.
  void event;
}

const POST_TIMEOUT_MS = 10_000;

/** POSTs the alert; a failure is logged, never retried with more data. */
export async function postAlertReport(url: string, event: PasswordAlertEvent): Promise<void> {
  const body = alertReportBody({ host: event.host, time: event.time, account: event.account, extensionId: extensionId() });
  const res = await fetch(url, {
    method: 'POST', body, headers: { 'content-type': 'application/json' },
    cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`password alert report: HTTP ${res.status} from ${url}`);
}
