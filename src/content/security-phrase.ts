// The user's security phrase for an overlay, asked of the worker each time a
// warning opens (not at page load: a page without a warning never holds it,
// and a change in the options shows at once). No answer or a malformed one
// shows no line at all rather than the invitation, which would be wrong then.
import type { Ask } from './ask-worker.ts';
import { securityPhraseText } from './finding-text.ts';
import type { PhraseText } from './shielded-dialog.ts';

export function askSecurityPhrase(ask: Ask): Promise<PhraseText | null> {
  return ask({ type: 'securityPhrase' }).then(
    (r) => (r && (typeof r.phrase === 'string' || r.phrase === null) ? securityPhraseText(r.phrase) : null),
    () => null,
  );
}
