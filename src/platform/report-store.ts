// The local protection report in IndexedDB, on this device only. Its own
// database, so the list cache's schema and the report's evolve apart.
// Subresource rows carry a `bucket` (day|host|list): the index on it finds the
// one row a block adds to, and rows without one are not in the index.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { idsOverCap, oldestKept, parseStopEvent, rowsToExamine, type Retention, type StopAction, type StopEvent } from '../core/report/index.ts';

type Stored = StopEvent & { bucket?: string };

interface Schema extends DBSchema {
  events: { key: number; value: Stored; indexes: { bucket: string; time: number } };
}

let db: Promise<IDBPDatabase<Schema>> | undefined;
const open = () =>
  (db ??= openDB<Schema>('takedown-guard-report', 1, {
    upgrade(d) {
      const events = d.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
      events.createIndex('bucket', 'bucket', { unique: true });
      events.createIndex('time', 'time');
    },
  }));

type Tx = IDBPTransaction<Schema, ['events'], 'readwrite'>;

/**
 * Deletes what the caps no longer allow, in the writing transaction. Only the
 * rows that may go are read (the oldest, by the time index): a write to a
 * full store of 100,000 rows reads one, not all.
 */
async function prune(tx: Tx, limits: Retention, now: number): Promise<void> {
  const byTime = tx.store.index('time');
  const [total, tooOld] = await Promise.all([tx.store.count(), byTime.count(IDBKeyRange.upperBound(oldestKept(limits, now), true))]);
  const examine = rowsToExamine(total, tooOld, limits);
  if (examine === 0) return;
  const over = idsOverCap(await byTime.getAll(null, examine), limits, now, total);
  await Promise.all(over.map((id) => tx.store.delete(id)));
}

/** Stores a row and applies the caps; returns its id. */
export async function addStop(event: StopEvent, limits: Retention): Promise<number> {
  const tx = (await open()).transaction('events', 'readwrite');
  const { id: _, ...row } = event;
  const id = await tx.store.add(row as Stored);
  await prune(tx, limits, event.time);
  await tx.done;
  return id;
}

/** Adds `count` blocks to the subresource row of `bucket`, creating it. */
export async function addSubresourceBlocks(event: StopEvent, bucket: string, limits: Retention): Promise<void> {
  const tx = (await open()).transaction('events', 'readwrite');
  const row = await tx.store.index('bucket').get(bucket);
  if (row) await tx.store.put({ ...row, count: row.count + event.count, time: Math.max(row.time, event.time) });
  else await tx.store.add({ ...event, bucket });
  await prune(tx, limits, event.time);
  await tx.done;
}

/** Sets the user's choice on a row that has none yet; false when there is no such row. */
export async function setStopAction(id: number, action: StopAction, reason: string): Promise<boolean> {
  const tx = (await open()).transaction('events', 'readwrite');
  const row = await tx.store.get(id);
  const ok = row !== undefined && row.action === 'none' && row.kind !== 'subresource-blocked';
  if (ok) await tx.store.put({ ...row, action, reason });
  await tx.done;
  return ok;
}

/** Every row still within the caps, newest first (what the page shows and exports). */
export async function readStops(limits: Retention, now: number): Promise<StopEvent[]> {
  const tx = (await open()).transaction('events', 'readwrite');
  await prune(tx, limits, now);
  const rows = await tx.store.getAll();
  await tx.done;
  return rows.flatMap((r) => parseStopEvent(r) ?? []).sort((a, b) => b.time - a.time || (b.id ?? 0) - (a.id ?? 0));
}

export async function clearStops(): Promise<void> {
  await (await open()).clear('events');
}
