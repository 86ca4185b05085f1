import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Text of a file in test/fixtures/lists/. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/lists/${name}`, import.meta.url)), 'utf8');
}
