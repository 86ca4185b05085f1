// A list's ListMeta from its header fields and the import options.
import type { ListMeta } from '../model.ts';
import type { ParseListOptions } from './types.ts';

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]*$/, '') || name;
}

/** The id defaults to the file name without extension; formats without a header pass no fields. */
export function buildMeta(fields: Partial<Record<string, string>>, opts: ParseListOptions, count: number): ListMeta {
  const id = opts.id ?? baseName(opts.file);
  const meta: ListMeta = { id, title: fields['title'] ?? id, origin: opts.origin ?? 'user', count };
  for (const key of ['court', 'docket', 'date', 'seizedBy', 'description', 'source', 'confidence'] as const) {
    const value = fields[key];
    if (value !== undefined) meta[key] = value;
  }
  return meta;
}
