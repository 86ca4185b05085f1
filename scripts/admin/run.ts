// The admin CLI's dispatcher: `npm run --silent admin -- COMMAND ...`.
// Exit codes: 0 success, 1 a bundle failed verification, 2 usage or input error.
import { UsageError } from './args.ts';
import { processIo, type Io } from './io.ts';
import { build, BUILD_HELP } from './build.ts';
import { diff, DIFF_HELP } from './diff.ts';
import { keygen, KEYGEN_HELP } from './keygen.ts';
import { serve, SERVE_HELP } from './serve.ts';
import { verify, VERIFY_HELP } from './verify.ts';

type Command = (argv: readonly string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  keygen: { run: keygen, help: KEYGEN_HELP },
  build: { run: build, help: BUILD_HELP },
  diff: { run: diff, help: DIFF_HELP },
  verify: { run: verify, help: VERIFY_HELP },
  serve: { run: serve, help: SERVE_HELP },
};

export const MAIN_HELP = `Usage: npm run --silent admin -- COMMAND [OPTIONS]

Signed blocklist updates for Takedown Guard deployments.
  keygen  --out DIR                              make a signing key pair
  build   --key K --seq N -o BUNDLE LIST...      sign text lists as a full bundle
  diff    --key K --seq N -o DELTA OLD NEW       sign the delta from OLD to NEW
  verify  --pub P BUNDLE                         check a bundle as browsers will
  serve   --dir DIR [--port P]                   local update server for testing
Run "COMMAND --help" for details.`;

const wantsHelp = (argv: readonly string[]): boolean => argv.includes('--help') || argv.includes('-h');

export async function runAdmin(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`admin: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`admin ${name}: ${e.message}\nRun "npm run --silent admin -- ${name} --help" for usage.`);
    return 2;
  }
}
