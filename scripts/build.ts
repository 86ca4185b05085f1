// `npm run build`: dist/chrome and dist/firefox from the one manifest.json.
import { buildTarget } from './lib/build.ts';

const targets = process.argv.slice(2).filter((a): a is 'chrome' | 'firefox' => a === 'chrome' || a === 'firefox');
for (const target of targets.length ? targets : (['chrome', 'firefox'] as const)) {
  const t0 = performance.now();
  await buildTarget(target);
  console.log(`built dist/${target} in ${Math.round(performance.now() - t0)} ms`);
}
