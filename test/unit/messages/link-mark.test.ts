import { describe, expect, it } from 'vitest';
import { linkMarkMessage } from '../../../src/messages/link-mark.ts';
import type { Finding } from '../../../src/messages/protocol.ts';

const blocked: Finding = {
  level: 'blocked',
  match: { entry: 'evil.test/', list: 'court-1', line: 3 },
  list: { id: 'court-1', title: 'Case 1', origin: 'court', count: 1 },
};

describe('linkMarkMessage', () => {
  it('states a listed host as listed', () => {
    expect(linkMarkMessage(blocked, 'evil.test')).toEqual({ key: 'content_linkMarkLabel', subs: ['evil.test'] });
  });

  it('names what a look-alike imitates', () => {
    const suspected = { level: 'suspected', imitates: 'microsoft.com', brand: 'microsoft', rule: 'edit-distance', part: 'micrsoft' } as unknown as Finding;
    expect(linkMarkMessage(suspected, 'micrsoft.com')).toEqual({ key: 'content_linkMarkSuspected', subs: ['micrsoft.com', 'microsoft.com'] });
  });
});
