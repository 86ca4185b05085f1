// The list metadata every compiled form carries as JSON (binary-format.ts, the
// compact records and wire forms): one check, so the forms cannot drift apart
// in what they accept.
import type { ListMeta } from '../model.ts';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** `fail` throws with the caller's prefix ("blocklist binary: ..."), so errors still name the form. */
export type Fail = (reason: string) => never;

/** ListMeta[] from JSON text: an array of `listCount` objects, each with a string id and title. */
export function listMetaFromJson<T extends Partial<ListMeta> = ListMeta>(text: string, listCount: number, fail: Fail): T[] {
  let meta: unknown;
  try {
    meta = JSON.parse(text);
  } catch {
    fail('list metadata is not JSON');
  }
  if (!Array.isArray(meta) || meta.length !== listCount) fail('list metadata does not match the list count');
  for (const m of meta as Array<Partial<ListMeta> | null>) {
    if (typeof m?.id !== 'string' || typeof m.title !== 'string') fail('list metadata entry without id/title');
  }
  return meta as T[];
}

/** As listMetaFromJson, from UTF-8 bytes (invalid UTF-8 is "not JSON", never replaced by U+FFFD). */
export function listMetaFromBytes(bytes: Uint8Array, listCount: number, fail: Fail): ListMeta[] {
  let text = '';
  try {
    text = fatalUtf8.decode(bytes);
  } catch {
    fail('list metadata is not JSON');
  }
  return listMetaFromJson(text, listCount, fail);
}
