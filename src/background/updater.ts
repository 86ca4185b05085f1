// Admin bundle updates: an alarm-driven schedule (none when no update URL is
// set), download with size limits, verification by src/core/bundle, the
// compact engine built from the lists verification decoded and in force at
// once from memory (the DNR rules follow), then checked and stored with the
// new state in ONE IndexedDB write, and read back. Any failure leaves the
// previous bundle in force and is recorded in the update status with its
// reason.
import type { UpdateStatus } from '../messages/protocol.ts';
import type { ManagedSettings } from '../core/policy/settings.ts';
import { nextCheckMinutes, nextState, readCapped, summaryOf, type BundleError, type BundleState, type BundleSummary } from '../core/bundle/index.ts';
import type { WireColumns } from '../core/engine/compact/wire.ts';
import type { CompactParts } from '../core/engine/compact/compact-blocklist.ts';
import { toHex } from '../core/bundle/keys.ts';
import { readBundle, writeBundle, type StoredBundle } from '../platform/bundle-store.ts';
import { alarmTime, clearAlarm, setAlarm } from '../platform/alarms.ts';
import { readUpdateStatus, writeUpdateStatus } from '../platform/update-status.ts';
import { effectiveSettings } from './settings.ts';
import { invalidate } from './state.ts';
import { checkParts, compactParts, holdInForce } from './admin-compact.ts';
import { macrotask } from '../platform/macrotask.ts';

export const UPDATE_ALARM = 'admin-update';
/** Chrome kills a worker whose fetch takes over 30 s to answer. */
const FETCH_TIMEOUT_MS = 25_000;

type CheckError = { code: BundleError['code'] | 'network' | 'http-status'; message: string };
type Outcome = { ok: true; stored: StoredBundle | null; decoded?: WireColumns } | { ok: false; error: CheckError };

const iso = (ms: number): string => new Date(ms).toISOString();

async function sha256(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** Downloads and verifies one URL. ok with stored null: the server still has the bundle in force. */
async function fetchOne(url: string, current: StoredBundle | null, settings: ManagedSettings): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    return { ok: false, error: { code: 'network', message: `Could not download ${url}: ${e instanceof Error ? e.message : String(e)}` } };
  }
  if (!res.ok) return { ok: false, error: { code: 'http-status', message: `${url} answered HTTP ${res.status}.` } };
  const length = res.headers.get('content-length');
  const maxBytes = settings.maxBundleMiB * 2 ** 20;
  const read = await readCapped(res.body, length === null ? null : Number(length), maxBytes);
  if (!read.ok) return read;
  const hash = await sha256(read.bytes);
  if (current?.sha256 === hash) return { ok: true, stored: null };
  const next = await nextState(current?.state ?? null, read.bytes, { trustedKeys: settings.trustedKeys, now: Date.now(), maxBytes, pause: macrotask });
  return next.ok ? { ok: true, stored: { state: next.state, sha256: hash }, ...(next.decoded ? { decoded: next.decoded } : {}) } : next;
}

/**
 * A format-2 state's compact form, stored with it so the reload puts the
 * update in force at once. Null for format 1, whose signed binaries are in
 * force sooner (its compact form follows in the background, admin-lists.ts),
 * and if it cannot be built (a bug, not a bad bundle: the bundle is
 * verified): the state is then in force as compiled lists, and the worker
 * tries the compact form again in the background.
 */
async function compactFor(state: BundleState, decoded: WireColumns | undefined): Promise<(CompactParts & { summary: BundleSummary }) | null> {
  if (!state.wire) return null;
  try {
    return { summary: summaryOf(state), ...(await compactParts(state, decoded)) };
  } catch (e) {
    console.error('Takedown Guard: compact form of the update', e);
    return null;
  }
}

/** The parts if they pass the reader's check, else null (then the state is stored alone, see compactFor). */
async function checked<T extends CompactParts>(parts: T): Promise<T | null> {
  try {
    await checkParts(parts);
    return parts;
  } catch (e) {
    console.error('Takedown Guard: compact form of the update fails its check', e);
    return null;
  }
}

/**
 * Puts a verified update in force: its compact form from memory at once
 * (lookups answer with it), then its DNR rules, then checked and stored with
 * the state in one write, then read back. The rules go before the store: run
 * alongside it, the rule build took 1.5 s instead of 1.0 s at 1M in Firefox.
 * A write that fails leaves the stored bundle in force again.
 */
async function apply(stored: StoredBundle, decoded: WireColumns | undefined): Promise<void> {
  const built = await compactFor(stored.state, decoded);
  try {
    if (built) {
      await holdInForce(built);
      // A failed install is tried again, and reported, by the reload below.
      await (await invalidate()).rules.catch(() => undefined);
    }
    await writeBundle(stored, built && (await checked(built)));
  } catch (e) {
    await holdInForce(null);
    invalidate().catch(() => undefined);
    throw e;
  }
  await holdInForce(null);
  await (await invalidate()).rules;
}

async function nextAlarm(settings: ManagedSettings, failures: number): Promise<string | null> {
  const minutes = nextCheckMinutes(settings.updateUrls, { intervalMinutes: settings.updateIntervalMinutes, failures, random: Math.random });
  if (minutes === null) {
    await clearAlarm(UPDATE_ALARM);
    return null;
  }
  const when = Date.now() + minutes * 60_000;
  await setAlarm(UPDATE_ALARM, when);
  return iso(when);
}

async function check(): Promise<UpdateStatus> {
  const { settings } = await effectiveSettings();
  const status = await readUpdateStatus();
  if (settings.updateUrls.length === 0) {
    await clearAlarm(UPDATE_ALARM);
    const idle = { ...status, nextCheck: null };
    await writeUpdateStatus(idle);
    return idle;
  }
  // Armed as a failure first: a worker killed mid-download still retries.
  await nextAlarm(settings, status.failures + 1);
  const current = await readBundle();
  let outcome: Outcome = { ok: false, error: { code: 'network', message: 'No update URL answered.' } };
  let failedUrl: string | null = null;
  for (const url of settings.updateUrls) {
    outcome = await fetchOne(url, current, settings);
    if (outcome.ok) break;
    failedUrl = url;
  }
  const now = Date.now();
  if (outcome.ok && outcome.stored) {
    await apply(outcome.stored, outcome.decoded);
  }
  const failures = outcome.ok ? 0 : status.failures + 1;
  const next: UpdateStatus = {
    lastCheck: iso(now),
    lastSuccess: outcome.ok ? iso(now) : status.lastSuccess,
    seq: outcome.ok ? (outcome.stored?.state.seq ?? current?.state.seq ?? null) : status.seq,
    lastError: outcome.ok ? null : { ...outcome.error, at: iso(now), url: failedUrl },
    nextCheck: await nextAlarm(settings, failures),
    failures,
  };
  await writeUpdateStatus(next);
  return next;
}

let inFlight: Promise<UpdateStatus> | undefined;

/** Checks the update URLs now; concurrent callers share one check. */
export function checkForUpdates(): Promise<UpdateStatus> {
  inFlight ??= check().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

/**
 * At worker start (`policyChanged` false): keeps a pending alarm, and checks at
 * once when URLs are set but were never checked (a fresh install under policy).
 * After a policy change: checks now, which also resets the schedule.
 */
export async function scheduleUpdates(policyChanged: boolean): Promise<void> {
  const { settings } = await effectiveSettings();
  const status = await readUpdateStatus();
  const hasUrls = settings.updateUrls.length > 0;
  if (hasUrls && (policyChanged || status.lastCheck === null)) {
    await checkForUpdates();
    return;
  }
  if (hasUrls && (await alarmTime(UPDATE_ALARM)) !== null) return;
  await writeUpdateStatus({ ...status, nextCheck: await nextAlarm(settings, status.failures) });
}
