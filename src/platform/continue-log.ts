// Reasons users gave for "Continue anyway" ('timed-with-reason' mode), kept on
// this device only for the admin's report. Capped: oldest dropped first.
import { browser } from './browser.ts';

const KEY = 'continueReasons';
const MAX_RECORDS = 500;

export interface ContinueRecord {
  host: string;
  list: string;
  entry: string;
  reason: string;
  /** ISO time of the choice. */
  time: string;
}

export async function continueRecords(): Promise<ContinueRecord[]> {
  const got = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(got) ? (got as ContinueRecord[]) : [];
}

export async function recordContinue(record: ContinueRecord): Promise<void> {
  const records = await continueRecords();
  records.push(record);
  await browser.storage.local.set({ [KEY]: records.slice(-MAX_RECORDS) });
}
