// `npm run build`: dist/chrome and dist/firefox from the one manifest.json.
import { build } from 'vite';

const targets = process.argv.slice(2).filter((a) => a === 'chrome' || a === 'firefox');
for (const mode of targets.length ? targets : ['chrome', 'firefox']) {
  const t0 = performance.now();
  await build({ mode, configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built dist/${mode} in ${Math.round(performance.now() - t0)} ms`);
}
