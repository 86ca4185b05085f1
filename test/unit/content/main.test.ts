// @vitest-environment happy-dom
// The whole content script wired to a fake worker: a page without danger is
// left byte-for-byte alone; a page linking to a listed host gets marks.
import { describe, expect, it, vi } from 'vitest';
import { setRuntime } from '../../../src/platform/content-runtime.ts';
import type { PageAssessment, Request } from '../../../src/messages/protocol.ts';
import { BLOCKED } from './fake-runtime.ts';

const requests: Request[] = [];
const LISTED = 'bitwoll.com';

setRuntime({
  getMessage: (key) => key,
  onMessage: () => undefined,
  sendMessage: async (raw) => {
    const req = raw as Request;
    requests.push(req);
    // The worker's envelope (src/platform/messaging.ts); it lists only hosts with a finding.
    if (req.type === 'checkHosts') return { ok: true, value: req.hosts.filter((h) => h === LISTED).map((host) => ({ host, finding: BLOCKED, mark: `to ${host}` })) };
    if (req.type === 'assessPage') {
      const none: PageAssessment = { page: null, targets: [], continued: false, continueMode: 'session' };
      return { ok: true, value: none };
    }
    return { ok: true, value: { ok: true } };
  },
});

describe('content script main', () => {
  it('asks about linked hosts, changes nothing for safe links, marks listed ones', async () => {
    document.body.innerHTML = `
      <a href="/local">local</a> <a href="https://safe-demo.test/a">safe</a>
      <form action="/search"><input name="q"></form>`;
    const before = document.documentElement.outerHTML;
    await import('../../../src/content/main.ts');
    await vi.waitFor(() => expect(requests.some((r) => r.type === 'checkHosts')).toBe(true), { timeout: 2000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(document.documentElement.outerHTML).toBe(before);
    // The page's own verdict, asked once at document_start (so that a key on a dangerous page is stopped); no credential check.
    expect(requests.filter((r) => r.type === 'assessPage')).toEqual([{ type: 'assessPage', url: location.href, targets: [] }]);

    document.body.insertAdjacentHTML('beforeend', `<a id="bad" href="http://${LISTED}/x">bad</a>`);
    await vi.waitFor(() => expect(document.getElementById('bad')!.getAttribute('aria-description')).toBe('to bitwoll.com'), {
      timeout: 2000,
    });
    const hosts = requests.flatMap((r) => (r.type === 'checkHosts' ? r.hosts : []));
    expect(hosts.sort()).toEqual([LISTED, 'localhost', 'safe-demo.test']);
  });
});
