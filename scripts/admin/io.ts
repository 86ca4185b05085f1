// File and key loading shared by the admin commands. Every failure becomes a
// UsageError naming the file, so the CLI exits 2 with one readable line.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { importPrivateKeyPem, publicKeyBytes, type Signer } from '../../src/core/bundle/keys.ts';
import { bundleEntries, verifyBundle } from '../../src/core/bundle/verify.ts';
import type { EntryList } from '../../src/core/bundle/delta.ts';
import type { VerifiedBundle } from '../../src/core/bundle/types.ts';
import { UsageError } from './args.ts';

/** Where a command prints; tests pass collectors instead of the process streams. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? reason(e)}`);
  }
}

/**
 * Writes `path`, creating its folder (`-o out/corp.tgb` in a fresh checkout).
 * Through a temporary file and a rename, so a server publishing the folder
 * never hands out half a bundle.
 */
export async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? reason(e)}`);
  }
}

export async function loadSigner(path: string): Promise<Signer> {
  const pem = (await readInput(path, 'private key')).toString('utf8');
  try {
    return await importPrivateKeyPem(pem);
  } catch (e) {
    throw new UsageError(`${path}: ${reason(e)}`);
  }
}

export async function loadPublicKey(path: string): Promise<string> {
  const text = (await readInput(path, 'public key')).toString('utf8').trim();
  if (!publicKeyBytes(text)) throw new UsageError(`${path}: not a "p256:" public key as written by keygen`);
  return text;
}

/** A bundle file checked against `trustedKeys`, ignoring sequence and expiry (admin inspection). */
export async function loadBundle(path: string, trustedKeys: string[]): Promise<VerifiedBundle> {
  const bytes = await readInput(path, 'bundle');
  const res = await verifyBundle(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trustedKeys, currentSeq: 'any', now: 'any' });
  if (!res.ok) throw new UsageError(`${path}: ${res.error.code}: ${res.error.message}`);
  return res.bundle;
}

export async function listsOf(bundle: VerifiedBundle): Promise<EntryList[]> {
  if (bundle.header.kind !== 'full') throw new UsageError('a delta cannot be diffed: give two full bundles');
  return Promise.all(bundle.header.lists.map(async (meta, i) => ({ meta, entries: await bundleEntries(bundle, i) })));
}
