import { afterEach, describe, expect, it } from 'vitest';
import { askWorker } from '../../../src/content/ask-worker.ts';
import { setRuntime } from '../../../src/platform/content-runtime.ts';
import { t } from '../../../src/content/i18n.ts';

const reply = (answer: unknown) =>
  setRuntime({ sendMessage: async () => answer, getMessage: () => '', onMessage: () => undefined });

afterEach(() => setRuntime(null));

describe('askWorker', () => {
  it('unwraps the worker envelope', async () => {
    reply({ ok: true, value: [] });
    await expect(askWorker({ type: 'checkHosts', hosts: ['a.test'] })).resolves.toEqual([]);
  });
  it('rejects refusals and silence', async () => {
    reply({ ok: false, error: 'not allowed' });
    await expect(askWorker({ type: 'proceed', url: 'https://a.test/', scope: 'credentials' })).rejects.toThrow('not allowed');
    reply(undefined);
    await expect(askWorker({ type: 'status' })).rejects.toThrow('no answer');
  });
});

describe('t', () => {
  it('falls back to the bundled English text with substitutions', () => {
    reply(null); // getMessage returns '' as for a key missing from _locales
    expect(t('content_pageSuspectedTitle', 'microsoft.com')).toBe('Careful: this site may be imitating microsoft.com');
    expect(t('content_provenance', 'evil.test/', 'Case')).toBe('Listed entry evil.test/ in "Case".');
  });
});
