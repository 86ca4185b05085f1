import { build } from 'vite';

/** Builds dist/<target> with vite.config.ts. */
export async function buildTarget(target: 'chrome' | 'firefox'): Promise<void> {
  // A custom --mode does not imply production, and vitest sets NODE_ENV=test:
  // without this preact's JSX compiles in dev mode and embeds absolute paths.
  process.env.NODE_ENV = 'production';
  await build({ mode: target, configFile: 'vite.config.ts', logLevel: 'warn' });
}
