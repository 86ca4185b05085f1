// The import summary in the signed header: carried and verified when present,
// absent from bundles made without it (old bundles), refused when malformed.
import { describe, expect, it } from 'vitest';
import { parseHeader, serializeHeader } from '../../../src/core/bundle/header.ts';
import { verifyBundle } from '../../../src/core/bundle/verify.ts';
import type { ImportSummary } from '../../../src/core/model.ts';
import { fullBundle, header, list, meta, NOW, signers } from './helpers.ts';

const SUMMARY: ImportSummary = { lines: 2, reasons: [{ code: 'public-suffix', count: 2, first: [{ line: 3, text: 'co.uk' }, { line: 9, text: '0.0.0.0 com' }] }] };
const opts = async () => ({ trustedKeys: [(await signers())[0].publicKey.text], currentSeq: null, now: NOW });

describe('import summary in the bundle header', () => {
  it('is signed with the list and comes back verified', async () => {
    const l = list('feed', 'evil.com/');
    l.meta.skipped = SUMMARY;
    const res = await verifyBundle(await fullBundle(1, [l]), await opts());
    expect(res.ok && res.bundle.header.lists[0]?.skipped).toEqual(SUMMARY);
  });

  it('is left out when there is none, so old bundles keep their exact bytes and still verify', async () => {
    const h = header('full', 1, [meta('a', 1)]);
    expect(serializeHeader(h)).not.toMatch(/skipped/);
    const res = await verifyBundle(await fullBundle(1, [list('a', 'evil.com/')]), await opts());
    expect(res.ok).toBe(true);
    expect(res.ok && 'skipped' in res.bundle.header.lists[0]!).toBe(false);
  });

  it.each([
    ['not an object', 'x'],
    ['a negative line count', { lines: -1, reasons: [] }],
    ['a reason without count', { lines: 1, reasons: [{ code: 'x', first: [] }] }],
    ['an example with a line break', { lines: 1, reasons: [{ code: 'x', count: 1, first: [{ line: 1, text: 'a\nb' }] }] }],
  ])('refuses %s as corrupt', (_what, skipped) => {
    const json = JSON.parse(serializeHeader(header('full', 1, [meta('a', 1)]))) as { lists: Array<Record<string, unknown>> };
    json.lists[0]!['skipped'] = skipped;
    expect(() => parseHeader(JSON.stringify(json), 'full')).toThrow(/malformed import summary/);
  });
});
