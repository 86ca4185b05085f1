import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/messages/protocol.ts';

describe('parseRequest', () => {
  it.each([
    [{ type: 'status', extra: 1 }, { type: 'status' }],
    [{ type: 'updateNow', url: 'http://x/' }, { type: 'updateNow' }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page' }, { type: 'proceed', url: 'http://a.test/', scope: 'page' }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page', reason: 'needed' }, { type: 'proceed', url: 'http://a.test/', scope: 'page', reason: 'needed' }],
    [{ type: 'learnPassword', password: 'pw-123456', username: 'a', salt: 'x' }, { type: 'learnPassword', password: 'pw-123456', username: 'a' }],
    [{ type: 'passwordAlertChoice', account: 'login.example.org', choice: 'own-site' }, { type: 'passwordAlertChoice', account: 'login.example.org', choice: 'own-site' }],
    [{ type: 'passwordScope', url: 'https://claimed.example/' }, { type: 'passwordScope' }],
  ])('keeps the fields of %j', (raw, parsed) => {
    expect(parseRequest(raw)).toEqual(parsed);
  });

  it.each([
    [{ type: 'updateNowPlease' }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page', reason: 'x'.repeat(2001) }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page', reason: 42 }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'everything' }],
    [{ type: 'learnPassword', password: 'x'.repeat(1001), username: '' }],
    [{ type: 'learnPassword', password: 'pw-123456' }],
    [{ type: 'passwordAlert', account: 7 }],
    [{ type: 'passwordAlertChoice', account: 'a', choice: 'ignore' }],
    [null],
  ])('refuses %j', (raw) => {
    expect(parseRequest(raw)).toBeNull();
  });
});
