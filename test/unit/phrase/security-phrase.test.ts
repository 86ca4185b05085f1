// The security phrase's one rule (trimmed, one line, at most MAX_PHRASE code
// points, no invisible characters), its messages, and who the worker gives it to.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSecurityPhrase, MAX_PHRASE, storedPhrase } from '../../../src/core/phrase/security-phrase.ts';
import { parseRequest } from '../../../src/messages/protocol.ts';
import type { Sender } from '../../../src/platform/messaging.ts';

let stored: unknown;
vi.mock('../../../src/platform/security-phrase.ts', () => ({
  readSecurityPhrase: async () => stored,
  writeSecurityPhrase: async (p: string) => void (stored = p === '' ? undefined : p),
}));
const { phraseHandlers } = await import('../../../src/background/phrase-handlers.ts');

describe('checkSecurityPhrase', () => {
  it.each([
    ['  Blue otter 42  ', 'Blue otter 42'],
    ['blue\n\totter', 'blue otter'],
    ['', ''],
    ['   ', ''],
    ['<b>otter</b> & co', '<b>otter</b> & co'], // text, shown as text
    ['e\u0301t\u00e9', '\u00e9t\u00e9'], // NFC
    ['family 👨\u200d👩\u200d👧', 'family 👨\u200d👩\u200d👧'], // emoji sequences keep their joiner
    ['x'.repeat(MAX_PHRASE), 'x'.repeat(MAX_PHRASE)],
    ['😀'.repeat(MAX_PHRASE), '😀'.repeat(MAX_PHRASE)], // code points, not UTF-16 units
  ])('accepts %j as %j', (raw, phrase) => {
    expect(checkSecurityPhrase(raw)).toEqual({ ok: true, phrase });
  });

  it.each([
    ['x'.repeat(MAX_PHRASE + 1), 'too-long'],
    [`  ${'x'.repeat(MAX_PHRASE)}  `, 'ok'],
    ['otter\u202egnikcab', 'invalid-characters'], // right-to-left override
    ['ot\u200bter', 'invalid-characters'], // zero-width space
    ['ot\u0000ter', 'invalid-characters'],
    [42, 'not-text'],
    [null, 'not-text'],
  ])('judges %j: %s', (raw, problem) => {
    const r = checkSecurityPhrase(raw);
    expect(r.ok ? 'ok' : r.problem).toBe(problem);
  });

  it('reads back from storage only a valid, non-empty phrase', () => {
    expect(storedPhrase(' otter ')).toBe('otter');
    expect(storedPhrase('')).toBeNull();
    expect(storedPhrase(undefined)).toBeNull();
    expect(storedPhrase('x'.repeat(MAX_PHRASE + 1))).toBeNull(); // edited by hand: not shown
  });
});

describe('phrase messages', () => {
  it('parses the two requests, dropping extras, and refuses a non-text or huge phrase', () => {
    expect(parseRequest({ type: 'securityPhrase', phrase: 'x' })).toEqual({ type: 'securityPhrase' });
    expect(parseRequest({ type: 'setSecurityPhrase', phrase: 'otter', x: 1 })).toEqual({ type: 'setSecurityPhrase', phrase: 'otter' });
    expect(parseRequest({ type: 'setSecurityPhrase', phrase: 42 })).toBeNull();
    expect(parseRequest({ type: 'setSecurityPhrase' })).toBeNull();
    expect(parseRequest({ type: 'setSecurityPhrase', phrase: 'x'.repeat(1001) })).toBeNull();
  });
});

const sender = (s: Partial<Sender>): Sender => ({ fromExtensionPage: false, frameUrl: undefined, tabId: 1, frameId: 0, tabUrl: undefined, topFrame: true, ...s });
const optionsPage = sender({ fromExtensionPage: true, frameUrl: 'chrome-extension://id/src/ui/options/options.html' });
const contentScript = sender({ frameUrl: 'https://login.micros0ft.test/', topFrame: false });
const framedWarningPage = sender({ fromExtensionPage: true, frameUrl: 'chrome-extension://id/src/ui/warning/warning.html#x', topFrame: false });

describe('phrase handlers', () => {
  beforeEach(() => {
    stored = undefined;
  });

  it('saves the checked phrase from the options page, and removes it when empty', async () => {
    expect(await phraseHandlers.setSecurityPhrase({ type: 'setSecurityPhrase', phrase: '  otter ' }, optionsPage)).toEqual({ ok: true, phrase: 'otter' });
    expect(stored).toBe('otter');
    expect(await phraseHandlers.setSecurityPhrase({ type: 'setSecurityPhrase', phrase: 'x'.repeat(61) }, optionsPage)).toEqual({ ok: false, problem: 'too-long' });
    expect(stored).toBe('otter');
    expect(await phraseHandlers.setSecurityPhrase({ type: 'setSecurityPhrase', phrase: ' ' }, optionsPage)).toEqual({ ok: true, phrase: null });
    expect(stored).toBeUndefined();
  });

  it('lets no content script set it', async () => {
    await expect(phraseHandlers.setSecurityPhrase({ type: 'setSecurityPhrase', phrase: 'mine' }, contentScript)).rejects.toThrow('not allowed');
    expect(stored).toBeUndefined();
  });

  it('gives it to content scripts (any frame) and top-level extension pages, not to a framed extension page', async () => {
    stored = 'otter';
    const ask = (s: Sender) => phraseHandlers.securityPhrase({ type: 'securityPhrase' }, s);
    expect(await ask(contentScript)).toEqual({ phrase: 'otter' });
    expect(await ask(optionsPage)).toEqual({ phrase: 'otter' });
    await expect(ask(framedWarningPage)).rejects.toThrow('not allowed');
    stored = undefined;
    expect(await ask(contentScript)).toEqual({ phrase: null });
  });
});
