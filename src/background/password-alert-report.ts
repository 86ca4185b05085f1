// Where a password alert goes once it fired: the local report, and the
// admin's passwordAlertReportUrl when one is set. The POST is the extension's
// only request besides list updates; it carries exactly the four fields of
// src/core/password-alert/report.ts, never the password or anything derived from it.
import { alertReportBody } from '../core/password-alert/report.ts';
import { extensionId } from '../platform/extension-id.ts';
import type { StopAction } from '../core/report/index.ts';
import { recordChoice, recordStop } from './report-recorder.ts';

export type PasswordAlertAction = 'alerted' | 'back' | 'change' | 'own-site';

export interface PasswordAlertEvent {
  host: string;
  /** The protected account's label. */
  account: string;
  /** ISO 8601. */
  time: string;
  action: PasswordAlertAction;
}

/** The report row of each alert still waiting for the user's answer, by host and account. */
const openRows = new Map<string, number>();

/** The report's action for the user's answer: changing the password leaves the site, as "back" does. */
const REPORTED: Record<Exclude<PasswordAlertAction, 'alerted'>, Exclude<StopAction, 'none'>> = {
  back: 'went-back',
  change: 'went-back',
  'own-site': 'continued',
};

/**
 * Writes the alert into the local protection report when it shows, and the
 * user's answer onto the same row (a new row when the worker restarted in
 * between and lost which row that was).
 */
export async function reportPasswordAlert(event: PasswordAlertEvent): Promise<void> {
  const key = `${event.host} ${event.account}`;
  const stop = { kind: 'password-alert', host: event.host, entry: event.account, list: '', listTitle: '' } as const;
  if (event.action === 'alerted') {
    const id = await recordStop(stop);
    if (id !== null) openRows.set(key, id);
    return;
  }
  const action = REPORTED[event.action];
  const id = openRows.get(key);
  openRows.delete(key);
  if (id === undefined || !(await recordChoice(id, action))) await recordStop({ ...stop, action });
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
