// The security phrase's requests. Who may read it: the content script (its
// overlay shows it, inside a closed shadow root) and the extension's own pages
// at the top of a tab or window. Not an extension page inside a frame: the
// warning page is web-accessible, so a web page could frame it and borrow a
// genuine phrase for its own fake warning. Only the options page writes it.
import type { RequestOf, ResponseMap } from '../messages/protocol.ts';
import type { Sender } from '../platform/messaging.ts';
import { checkSecurityPhrase, storedPhrase } from '../core/phrase/security-phrase.ts';
import { readSecurityPhrase, writeSecurityPhrase } from '../platform/security-phrase.ts';

type PhraseType = 'securityPhrase' | 'setSecurityPhrase';
type PhraseHandlers = { [T in PhraseType]: (r: RequestOf<T>, s: Sender) => Promise<ResponseMap[T]> };

export const phraseHandlers: PhraseHandlers = {
  async securityPhrase(_r, sender) {
    if (sender.fromExtensionPage && !sender.topFrame) throw new Error('not allowed');
    return { phrase: storedPhrase(await readSecurityPhrase()) };
  },

  async setSecurityPhrase({ phrase }, sender) {
    if (!sender.fromExtensionPage) throw new Error('not allowed');
    const checked = checkSecurityPhrase(phrase);
    if (!checked.ok) return checked;
    await writeSecurityPhrase(checked.phrase);
    return { ok: true, phrase: checked.phrase || null };
  },
};
