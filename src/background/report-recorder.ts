// Every stop goes into the local protection report through here. Who stopped
// what is worked out from the worker's own lists, never taken from the page
// that asks: a content script only says "I showed a warning for this URL".
import type { Finding } from '../messages/protocol.ts';
import { parseStopEvent, subresourceBucket, type Retention, type StopAction, type StopEvent, type StopKind } from '../core/report/index.ts';
import { addStop, addSubresourceBlocks, setStopAction } from '../platform/report-store.ts';
import { sessionAllowedHosts } from '../platform/allowed-hosts.ts';
import { checkUrl } from './url-check.ts';
import { hostOf } from './findings.ts';
import { state, type State } from './state.ts';

/** What a caller knows; the time defaults to now, the action to 'none' (no choice yet). */
export type StopInput = Omit<StopEvent, 'id' | 'time' | 'action' | 'reason' | 'count'> & Partial<Pick<StopEvent, 'time' | 'action' | 'reason'>>;

const limitsOf = (s: State): Retention => ({ maxEvents: s.settings.settings.reportMaxEvents, maxDays: s.settings.settings.reportMaxDays });

function toEvent(input: StopInput, count = 1): StopEvent | null {
  return parseStopEvent({ time: Date.now(), action: 'none', reason: '', ...input, count });
}

/**
 * Records one stop (e.g. `{ kind: 'password-alert', host, entry: accountLabel, list: '', listTitle: '' }`).
 * Returns the row's id, for the user's choice later, or null when the event is malformed.
 */
export async function recordStop(input: StopInput): Promise<number | null> {
  const event = toEvent(input);
  return event ? addStop(event, limitsOf(await state())) : null;
}

/** The report's list fields for a finding: a look-alike names the domain it imitates, and no list. */
function listFields(finding: Finding): Pick<StopEvent, 'entry' | 'list' | 'listTitle'> {
  return finding.level === 'blocked'
    ? { entry: finding.match.entry, list: finding.match.list, listTitle: finding.list.title }
    : { entry: finding.imitates, list: '', listTitle: '' };
}

/** Records a warning shown for `url`; null when the worker finds nothing to warn about there. */
export async function recordStopAt(kind: StopKind, url: string): Promise<number | null> {
  const host = hostOf(url);
  const { finding } = await checkUrl(await state(), url);
  return host && finding ? recordStop({ kind, host, ...listFields(finding) }) : null;
}

/** The user's choice on a recorded warning; only a row without one takes it. */
export async function recordChoice(id: number, action: Exclude<StopAction, 'none'>, reason = ''): Promise<boolean> {
  return setStopAction(id, action, action === 'reason-typed' ? reason : '');
}

/** `host` or a domain above it, as a DNR allow rule's requestDomains matches. */
const coveredBy = (allowed: ReadonlySet<string>, host: string): boolean =>
  host.split('.').some((_, i, labels) => allowed.has(labels.slice(i).join('.')));

/**
 * A failed request to a listed host, counted per day, host and list. Not when
 * the user continued to that host: its allow rule let the request through, so
 * it failed for another reason.
 */
export async function countSubresourceBlock(url: string, time = Date.now()): Promise<void> {
  const s = await state();
  const host = hostOf(url);
  const { finding } = await checkUrl(s, url);
  if (!host || finding?.level !== 'blocked' || coveredBy(await sessionAllowedHosts(), host)) return;
  const event = toEvent({ kind: 'subresource-blocked', host, ...listFields(finding), time });
  if (event) await addSubresourceBlocks(event, subresourceBucket(time, host, event.list), limitsOf(s));
}

export const reportLimits = async (): Promise<Retention> => limitsOf(await state());
