// List files from disk, shared by the build, `npm run check`, `npm run compile`
// and the bench: the bundled court lists (blocklists/*.txt, parsed strictly)
// and any list file a user names (text in any supported format, or a compiled
// binary recognised by its magic).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBlocklistBinary } from '../../src/core/engine/binary-format.ts';
import { Blocklist } from '../../src/core/engine/blocklist.ts';
import type { ListMeta } from '../../src/core/model.ts';
import { parseList } from '../../src/core/list/parse-list.ts';
import type { ParsedList } from '../../src/core/list/types.ts';
import { LENIENT_HINT, STRICT, type ImportFlags } from './import-flags.ts';

export const BUNDLED_DIR = fileURLToPath(new URL('../../blocklists/', import.meta.url));

/** Every `*.txt` in `dir`, in name order, as court lists. Throws `file:line: reason` on any bad line. */
export function readBundled(dir: string = BUNDLED_DIR): ParsedList[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return parseList(readFileSync(path, 'utf8'), { file: relative(process.cwd(), path) || path, origin: 'court', strict: true });
    });
}

/** The bundled lists as one compiled binary. */
export function compileBundledLists(dir: string = BUNDLED_DIR): Uint8Array {
  return Blocklist.compile(readBundled(dir));
}

export type ListFile = { kind: 'binary'; blocklist: Blocklist } | { kind: 'text'; list: ParsedList };

/**
 * Reads one list file; errors name the file (and the line, for text lists).
 * Text lists are strict unless `flags.lenient` (court lists never come here).
 */
export function readListFile(path: string, origin: ListMeta['origin'] = 'user', flags: ImportFlags = STRICT): ListFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`${path}: cannot read: ${(e as Error).message}`);
  }
  if (isBlocklistBinary(bytes)) {
    try {
      return { kind: 'binary', blocklist: Blocklist.load(bytes) };
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`);
    }
  }
  try {
    return { kind: 'text', list: parseList(bytes.toString('utf8'), { file: path, origin, strict: !flags.lenient, allowSuffixes: flags.allowSuffixes }) };
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${LENIENT_HINT}`);
  }
}
