import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index } from './rules.helpers.ts';

describe("a product word ending another brand's name", () => {
  it('is that brand\'s, split by a hyphen or with its number as a digit', () => {
    expect(lookalike(index, 'one-drive-login.com')).toMatchObject({ imitates: 'onedrive.com', part: 'one-drive' });
    expect(lookalike(index, '1drive-docs.com')).toMatchObject({ imitates: 'onedrive.com', part: '1drive' });
  });
  it("leaves the product word its own brand's otherwise", () => {
    expect(lookalike(index, 'my-drive-login.com')).toMatchObject({ imitates: 'google.com' });
    expect(lookalike(index, 'google-drive-login.com')).toMatchObject({ imitates: 'google.com' });
  });
});
