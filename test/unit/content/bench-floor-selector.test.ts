// The scan bench's floor peer (scripts/bench/link-scan.ts) reads the same
// links as the content script, or its floor would measure other work.
import { describe, expect, it } from 'vitest';
import { FLOOR_SELECTOR } from '../../../scripts/bench/link-scan.ts';
import { OFF_BASE_SELECTOR } from '../../../src/content/link-hosts.ts';

describe('the scan bench floor', () => {
  it('selects exactly what the content script selects', () => {
    expect(FLOOR_SELECTOR).toBe(OFF_BASE_SELECTOR);
  });
});
