// @vitest-environment happy-dom
// The URL a document is judged by: its own when it is http(s), else the
// http(s) origin it inherited (an about:blank popup, a blob: frame), else its
// own (a data: frame, judged by its tab's page).
import { describe, expect, it } from 'vitest';
import { judgedUrl } from '../../../src/content/credential-entry.ts';

const win = (href: string, origin: string) => ({ location: { href }, origin }) as unknown as Window;

describe('judgedUrl', () => {
  it.each([
    ['http://login.micros0ft.test:8080/a?b', 'http://login.micros0ft.test:8080', 'http://login.micros0ft.test:8080/a?b'],
    ['about:blank', 'http://login.micros0ft.test:8080', 'http://login.micros0ft.test:8080/'],
    ['blob:https://evil.test/6a1f', 'https://evil.test', 'https://evil.test/'],
    ['data:text/html,<input type=password>', 'null', 'data:text/html,<input type=password>'],
    ['about:blank', 'null', 'about:blank'],
  ])('%s (origin %s) -> %s', (href, origin, judged) => {
    expect(judgedUrl(win(href, origin))).toBe(judged);
  });
});
