import { describe, expect, it } from 'vitest';
import { parsePush, parseRequest } from '../../../src/messages/protocol.ts';

describe('parseRequest', () => {
  it.each([
    [{ type: 'status', extra: 1 }, { type: 'status' }],
    [{ type: 'updateNow', url: 'http://x/' }, { type: 'updateNow' }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page' }, { type: 'proceed', url: 'http://a.test/', scope: 'page' }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page', reason: 'needed' }, { type: 'proceed', url: 'http://a.test/', scope: 'page', reason: 'needed' }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page', stopId: 4 }, { type: 'proceed', url: 'http://a.test/', scope: 'page', stopId: 4 }],
    [{ type: 'stopShown', kind: 'link-click', url: 'http://a.test/', host: 'forged' }, { type: 'stopShown', kind: 'link-click', url: 'http://a.test/' }],
    [{ type: 'stopChoice', id: 0, action: 'went-back' }, { type: 'stopChoice', id: 0, action: 'went-back' }],
    [{ type: 'readReport', rows: [] }, { type: 'readReport' }],
    [{ type: 'clearReport' }, { type: 'clearReport' }],
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
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page', stopId: -1 }],
    [{ type: 'proceed', url: 'http://a.test/', scope: 'page', stopId: '4' }],
    // The worker records password alerts and subresource blocks itself: no page may claim one.
    [{ type: 'stopShown', kind: 'password-alert', url: 'http://a.test/' }],
    [{ type: 'stopShown', kind: 'subresource-blocked', url: 'http://a.test/' }],
    [{ type: 'stopShown', kind: 'link-click', url: 'x'.repeat(8193) }],
    // 'reason-typed' only comes with a proceed that the worker granted.
    [{ type: 'stopChoice', id: 1, action: 'reason-typed' }],
    [{ type: 'stopChoice', id: 1.5, action: 'continued' }],
    [{ type: 'learnPassword', password: 'x'.repeat(1001), username: '' }],
    [{ type: 'learnPassword', password: 'pw-123456' }],
    [{ type: 'passwordAlert', account: 7 }],
    [{ type: 'passwordAlertChoice', account: 'a', choice: 'ignore' }],
    [null],
  ])('refuses %j', (raw) => {
    expect(parseRequest(raw)).toBeNull();
  });
});

describe('parsePush', () => {
  it('keeps either push, without extra fields', () => {
    expect(parsePush({ type: 'reloadListed', url: 'http://a.test/', extra: 1 })).toEqual({ type: 'reloadListed', url: 'http://a.test/' });
    expect(parsePush({ type: 'rejudge', url: 'http://a.test/', extra: 1 })).toEqual({ type: 'rejudge', url: 'http://a.test/' });
  });

  it.each([null, 'reloadListed', { type: 'reloadListed' }, { type: 'reloadListed', url: 5 }, { type: 'lookup', url: 'http://a.test/' }, { type: 'reloadListed', url: 'x'.repeat(70_000) }, { type: 'rejudge' }])(
    'refuses %j',
    (raw) => {
      expect(parsePush(raw)).toBeNull();
    },
  );
});
