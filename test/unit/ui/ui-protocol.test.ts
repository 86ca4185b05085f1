import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/messages/protocol.ts';

describe('parseRequest: popup and options requests', () => {
  it.each([
    [{ type: 'checkUrl', url: 'bitwoll.com', x: 1 }, { type: 'checkUrl', url: 'bitwoll.com' }],
    [{ type: 'tabVerdict' }, { type: 'tabVerdict' }],
    [{ type: 'tabVerdict', tabId: 7 }, { type: 'tabVerdict', tabId: 7 }],
    [{ type: 'getUserSettings', settings: {} }, { type: 'getUserSettings' }],
    [{ type: 'setUserSettings', settings: { blockedEntries: ['a.test/'] } }, { type: 'setUserSettings', settings: { blockedEntries: ['a.test/'] } }],
    [{ type: 'sessionAllows' }, { type: 'sessionAllows' }],
    [{ type: 'clearSessionAllows' }, { type: 'clearSessionAllows' }],
  ])('keeps the fields of %j', (raw, parsed) => {
    expect(parseRequest(raw)).toEqual(parsed);
  });

  it.each([
    [{ type: 'checkUrl' }],
    [{ type: 'checkUrl', url: 'x'.repeat(9000) }],
    [{ type: 'tabVerdict', tabId: -1 }],
    [{ type: 'tabVerdict', tabId: '3' }],
    [{ type: 'tabVerdict', tabId: 1.5 }],
    [{ type: 'setUserSettings' }],
    [{ type: 'setUserSettings', settings: ['a'] }],
    [{ type: 'setUserSettings', settings: 'x' }],
    [{ type: 'setUserSettings', settings: { big: 'x'.repeat(8_000_001) } }],
  ])('refuses %j', (raw) => {
    expect(parseRequest(raw)).toBeNull();
  });
});
