// One row of the local protection report: something the extension stopped,
// and what the user did about it. Subresource blocks are one row per
// (UTC day, host, list) with a count, never one per request.

export const STOP_KINDS = ['full-page', 'link-click', 'credential-overlay', 'password-alert', 'subresource-blocked'] as const;
export type StopKind = (typeof STOP_KINDS)[number];

/** 'none': no choice recorded (the tab was closed, or the kind offers none, e.g. a blocked subresource). */
export const STOP_ACTIONS = ['none', 'went-back', 'continued', 'reason-typed'] as const;
export type StopAction = (typeof STOP_ACTIONS)[number];

export interface StopEvent {
  /** IndexedDB key, absent until stored. */
  id?: number;
  /** ms since the epoch: when it was stopped (subresource rows: the latest block of that day). */
  time: number;
  host: string;
  /** The list entry that matched, or the imitated domain for a look-alike. */
  entry: string;
  /** The list id ('' for a look-alike, which no list holds). */
  list: string;
  /** The case name of a court list, the admin's name for other lists. */
  listTitle: string;
  kind: StopKind;
  action: StopAction;
  /** Typed by the user when the admin asks for a reason ('reason-typed'), else ''. */
  reason: string;
  /** 1, except for subresource rows. */
  count: number;
}

/** Bounds on stored text, so a hostile page cannot fill the store with one giant row. */
export const MAX_TEXT = { host: 253, entry: 2048, list: 256, listTitle: 512, reason: 2000 } as const;

const MAX_COUNT = 1_000_000_000;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOneOf = <T extends string>(all: readonly T[], v: unknown): v is T => typeof v === 'string' && (all as readonly string[]).includes(v);

/** The event if `raw` is a well-formed one (extra fields dropped), else null. */
export function parseStopEvent(raw: unknown): StopEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  const textOk = (Object.keys(MAX_TEXT) as Array<keyof typeof MAX_TEXT>).every((k) => isText(e[k], MAX_TEXT[k]));
  if (!textOk || (e.host as string).length === 0) return null;
  if (typeof e.time !== 'number' || !Number.isSafeInteger(e.time) || e.time < 0) return null;
  if (!isOneOf(STOP_KINDS, e.kind) || !isOneOf(STOP_ACTIONS, e.action)) return null;
  if (!Number.isSafeInteger(e.count) || (e.count as number) < 1 || (e.count as number) > MAX_COUNT) return null;
  if ((e.action === 'reason-typed') !== ((e.reason as string).length > 0)) return null;
  const event: StopEvent = {
    time: e.time, host: e.host as string, entry: e.entry as string, list: e.list as string, listTitle: e.listTitle as string,
    kind: e.kind, action: e.action, reason: e.reason as string, count: e.count as number,
  };
  if (Number.isSafeInteger(e.id)) event.id = e.id as number;
  return event;
}

/** The UTC day of a time, `YYYY-MM-DD`: the report's days are UTC everywhere (rows, chart, export). */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The key that makes one subresource row per day, host and list. */
export const subresourceBucket = (time: number, host: string, list: string): string => `${utcDay(time)}|${host}|${list}`;
