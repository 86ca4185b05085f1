import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/core/list/parse-list.ts';

const dir = fileURLToPath(new URL('../../../blocklists/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('bundled court lists', () => {
  it('are all there', () => {
    expect(files.sort()).toEqual([
      'microsoft-v-bamital-2013.txt',
      'microsoft-v-phosphorus-2019.txt',
      'microsoft-v-thallium-2019.txt',
      'microsoft-v-zeroaccess-2013.txt',
      'nickel-2021-mstic-iocs-related.txt',
    ]);
  });
  it.each(files)('%s parses in strict mode with its declared count and full provenance', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    const list = parseList(text, { file: `blocklists/${file}`, origin: 'court', strict: true });
    const declared = Number(/^# count: (\d+)$/m.exec(text)?.[1]);
    expect(list.entries).toHaveLength(declared);
    expect(list.meta.count).toBe(declared);
    expect(list.entries.every((e) => e.kind === 'domain')).toBe(true);
    for (const key of ['court', 'docket', 'date', 'seizedBy', 'description', 'source', 'confidence'] as const) {
      expect(list.meta[key], key).toBeTruthy();
    }
    expect(list.meta.title).not.toBe(list.meta.id);
    expect(list.meta.id).toBe(file.replace(/\.txt$/, ''));
  });
  it('marks the Nickel list as related indicators, not the court appendix', () => {
    const text = readFileSync(dir + 'nickel-2021-mstic-iocs-related.txt', 'utf8');
    expect(parseList(text, { file: 'n.txt' }).meta.confidence).toMatch(/^RELATED list only/);
  });
});
