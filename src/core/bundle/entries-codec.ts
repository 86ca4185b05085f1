// Text encodings of entries inside a bundle: one record per line, fields split
// by TAB. Expressions are canonical Safe Browsing expressions, which escape every
// byte <= 0x20, so TAB and LF never occur inside a field; ids and kinds are checked.
//   list entries:  LINE \t KIND \t EXPRESSION \n
//   delta records: + \t LIST \t LINE \t KIND \t EXPRESSION \n   |   - \t LIST \t EXPRESSION \n
import { ENTRY_KINDS, type BundleEntry, type DeltaPayload } from './types.ts';
import type { EntryKind } from '../url/entry.ts';
import { reject } from './errors.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function field(value: string, what: string): string {
  if (value === '' || /[\t\n\r]/.test(value)) throw new Error(`${what} must be non-empty without tabs or line breaks: ${JSON.stringify(value)}`);
  return value;
}

function lineNumber(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`line must be a non-negative integer, got ${value}`);
  return String(value);
}

export function encodeEntries(entries: readonly BundleEntry[]): Uint8Array {
  const out = entries.map((e) => `${lineNumber(e.line)}\t${field(e.kind, 'kind')}\t${field(e.expression, 'expression')}\n`);
  return encoder.encode(out.join(''));
}

export function encodeDelta(delta: DeltaPayload): Uint8Array {
  const adds = delta.adds.map(
    (a) => `+\t${field(a.list, 'list id')}\t${lineNumber(a.line)}\t${field(a.kind, 'kind')}\t${field(a.expression, 'expression')}\n`,
  );
  const removes = delta.removes.map((r) => `-\t${field(r.list, 'list id')}\t${field(r.expression, 'expression')}\n`);
  return encoder.encode(removes.join('') + adds.join(''));
}

function records(bytes: Uint8Array, what: string): string[][] {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return reject('corrupt', `The ${what} is not valid UTF-8.`);
  }
  if (text === '') return [];
  if (!text.endsWith('\n')) reject('corrupt', `The ${what} does not end with a line break.`);
  return text.slice(0, -1).split('\n').map((l) => l.split('\t'));
}

function parseKind(value: string | undefined, what: string): EntryKind {
  if (!(ENTRY_KINDS as readonly (string | undefined)[]).includes(value)) reject('corrupt', `Unknown entry kind in the ${what}.`);
  return value as EntryKind;
}

function parseLine(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) reject('corrupt', `Bad line number in the ${what}.`);
  return n;
}

export function decodeEntries(bytes: Uint8Array): BundleEntry[] {
  return records(bytes, 'entry table').map((r) => {
    const [line, kind, expression] = r;
    if (r.length !== 3 || !expression) return reject('corrupt', 'Malformed record in the entry table.');
    return { expression, kind: parseKind(kind, 'entry table'), line: parseLine(line, 'entry table') };
  });
}

export function decodeDelta(bytes: Uint8Array): DeltaPayload {
  const delta: DeltaPayload = { adds: [], removes: [] };
  for (const r of records(bytes, 'delta')) {
    const [op, list, a, b, c] = r;
    if (op === '+' && r.length === 5 && list && c) {
      delta.adds.push({ list, line: parseLine(a, 'delta'), kind: parseKind(b, 'delta'), expression: c });
    } else if (op === '-' && r.length === 3 && list && a) {
      delta.removes.push({ list, expression: a });
    } else {
      reject('corrupt', 'Malformed record in the delta.');
    }
  }
  return delta;
}
