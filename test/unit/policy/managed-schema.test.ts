// The schema Chrome enforces and the parser must describe the same keys; values
// are deliberately typed only (no enum or pattern), because Chrome silently drops
// a value that fails its schema while the parser reports why it ignored one.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SETTING_KEYS, DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';

interface Prop { title?: string; description?: string; type?: string; items?: { type: string } }
const schema = JSON.parse(readFileSync(new URL('../../../extension/managed_schema.json', import.meta.url), 'utf8')) as {
  type: string;
  properties: Record<string, Prop>;
  additionalProperties?: unknown;
};

const jsonType = (v: unknown): string =>
  Array.isArray(v) ? 'array' : v === null ? 'string' : typeof v === 'number' ? 'integer' : typeof v;

describe('extension/managed_schema.json', () => {
  it('is a Chrome top-level object schema without additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
  });

  it('describes exactly the settings the parser reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it.each(SETTING_KEYS)('gives %s a title, a description and the type of its default', (key) => {
    const p = schema.properties[key]!;
    expect(p.title?.length).toBeGreaterThan(3);
    expect(p.description?.length).toBeGreaterThan(20);
    expect(p.type).toBe(jsonType(DEFAULT_SETTINGS[key]));
    if (p.type === 'array') expect(p.items).toEqual({ type: 'string' });
  });
});
