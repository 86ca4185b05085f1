// Typed requests to the background worker (protocol in src/messages/protocol.ts).
// The worker replies with the envelope of src/platform/messaging.ts:
// `{ ok: true, value }` or `{ ok: false, error }`.
import type { Request, RequestOf, ResponseMap } from '../messages/protocol.ts';
import { runtime } from '../platform/content-runtime.ts';

export type Ask = <T extends Request['type']>(request: RequestOf<T>) => Promise<ResponseMap[T]>;

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}

/** A dead worker, a refusal or a malformed answer rejects. */
export const askWorker: Ask = async (request) => {
  const reply = await runtime().sendMessage(request);
  if (!isReply(reply)) throw new Error(`no answer to ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseMap[typeof request.type];
};
