// keygen --out DIR: a new signing key pair. The private key is created with mode
// 0600 and never overwritten; the public key file holds the policy's trustedKeys form.
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportPrivateKeyPem, generateSigner } from '../../src/core/bundle/keys.ts';
import { parseArgs, required, UsageError } from './args.ts';
import type { Io } from './io.ts';

export const KEYGEN_HELP = `Usage: npm run --silent admin -- keygen --out DIR [--name BASE]

Writes a new ECDSA P-256 key pair into DIR (created if missing):
  DIR/BASE.key  private key, PKCS#8 PEM, mode 0600: keep it secret, sign with it
  DIR/BASE.pub  public key ("p256:..."): put it in the policy's trustedKeys
BASE defaults to "takedown-guard". Existing files are never overwritten.`;

async function createOnly(path: string, text: string, mode: number): Promise<void> {
  try {
    await writeFile(path, text, { mode, flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EEXIST' ? `${path} already exists; choose another --out or --name` : `cannot write ${path}: ${code}`);
  }
}

export async function keygen(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: { out: true, name: true } });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const dir = required(args, 'out');
  const base = args.values.get('name') ?? 'takedown-guard';
  if (!/^[\w.-]+$/.test(base)) throw new UsageError('--name may hold only letters, digits, ".", "_" and "-"');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const signer = await generateSigner();
  const keyPath = join(dir, `${base}.key`);
  const pubPath = join(dir, `${base}.pub`);
  for (const path of [keyPath, pubPath]) {
    if (await access(path).then(() => true, () => false)) throw new UsageError(`${path} already exists; choose another --out or --name`);
  }
  await createOnly(keyPath, await exportPrivateKeyPem(signer), 0o600);
  await createOnly(pubPath, signer.publicKey.text + '\n', 0o644);
  io.out(`private key: ${keyPath}`);
  io.out(`public key:  ${pubPath}`);
  io.out(`trustedKeys value: ${signer.publicKey.text}`);
  return 0;
}
