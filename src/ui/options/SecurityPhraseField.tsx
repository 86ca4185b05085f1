import { useState } from 'preact/hooks';
import type { SavePhraseResult } from '../../messages/protocol.ts';
import { MAX_PHRASE, type PhraseProblem } from '../../core/phrase/security-phrase.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';

const PROBLEM: Record<PhraseProblem, () => string> = {
  'too-long': () => t('optionsPhraseTooLong', String(MAX_PHRASE)),
  'invalid-characters': () => t('optionsPhraseInvalid'),
  'not-text': () => t('optionsPhraseInvalid'),
};

function outcome(r: SavePhraseResult): { ok: boolean; text: string } {
  if (!r.ok) return { ok: false, text: PROBLEM[r.problem]() };
  return { ok: true, text: t(r.phrase === null ? 'optionsPhraseRemoved' : 'optionsPhraseSaved') };
}

/**
 * The personal security phrase genuine warnings show. Its own form: it is
 * kept apart from the settings (src/platform/security-phrase.ts), and the
 * worker's validation (trimmed, at most MAX_PHRASE characters) decides.
 */
export function SecurityPhraseField() {
  const loaded = useAsync(() => ask({ type: 'securityPhrase' }));
  if (loaded.state !== 'ready') return null;
  return <PhraseForm initial={loaded.value.phrase ?? ''} />;
}

function PhraseForm({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setResult(null);
    try {
      const r = await ask({ type: 'setSecurityPhrase', phrase: text });
      if (r.ok) setText(r.phrase ?? '');
      setResult(outcome(r));
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="phrase-title" data-testid="security-phrase-form">
      <section aria-labelledby="phrase-title">
        <h2 id="phrase-title">{t('optionsPhraseTitle')}</h2>
        <p id="phrase-help" class="hint">{t('optionsPhraseHelp', String(MAX_PHRASE))}</p>
        <label for="phrase">{t('optionsPhraseLabel')}</label>
        <div class="inline-form">
          <input id="phrase" type="text" autocomplete="off" spellcheck={false} value={text} aria-describedby="phrase-help phrase-result"
            aria-invalid={result !== null && !result.ok} onInput={(e) => setText((e.target as HTMLInputElement).value)} data-testid="phrase-input" />
          <button type="submit" data-testid="phrase-save">{t('optionsPhraseSave')}</button>
        </div>
        <p id="phrase-result" role="status" data-testid="phrase-result" class={result && !result.ok ? 'problem' : 'hint'}>{result?.text ?? ''}</p>
      </section>
    </form>
  );
}
