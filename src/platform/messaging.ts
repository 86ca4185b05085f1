// Typed transport for src/messages/protocol.ts. Senders get the response type
// that belongs to their request; the receiver validates before dispatch.
import { browser, type Runtime } from './browser.ts';
import { parseRequest, type Push, type Request, type ResponseMap } from '../messages/protocol.ts';

type Reply<T extends Request['type']> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };

export async function ask<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<R['type']> | undefined;
  if (!reply) throw new Error('Takedown Guard: no answer from the background worker');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export interface Sender {
  /** True for the extension's own pages (warning, popup, options). */
  fromExtensionPage: boolean;
  /** The sending frame's URL (the page a content script runs in). */
  frameUrl: string | undefined;
  tabId: number | undefined;
  /** The sending frame within its tab (0: the top frame). */
  frameId: number | undefined;
  /** The URL of the sender's tab (its top-level page), when the sender is in a tab. */
  tabUrl: string | undefined;
  /** A tab's top frame or an extension window: not a frame a web page embeds. */
  topFrame: boolean;
}

export type Handler = (request: Request, sender: Sender) => Promise<unknown>;

/** Listens for requests from this extension only; anything malformed is refused. */
export function serve(handler: Handler): void {
  const ownOrigin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(raw);
    if (!request) return Promise.resolve({ ok: false, error: 'malformed request' });
    const from: Sender = {
      fromExtensionPage: (sender.url ?? '').startsWith(ownOrigin),
      frameUrl: sender.url,
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      tabUrl: sender.tab?.url,
      topFrame: sender.tab === undefined || sender.frameId === 0,
    };
    return handler(request, from).then(
      (value) => ({ ok: true, value }),
      (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}

/** Sends the worker's push to one frame's content script (rejects when none listens there). */
export async function pushToFrame(tabId: number, frameId: number, push: Push): Promise<void> {
  await browser.tabs.sendMessage(tabId, push, { frameId });
}
