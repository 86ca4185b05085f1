// Entry point of `npm run --silent admin -- COMMAND`; the commands live in scripts/admin/.
import { runAdmin } from './admin/run.ts';

process.exitCode = await runAdmin(process.argv.slice(2));
