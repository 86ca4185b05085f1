import { useState } from 'preact/hooks';
import type { UrlCheck } from '../../messages/protocol.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { VerdictView } from './VerdictView.tsx';

/** Check any address by hand: nothing is opened, only the lists in force are asked. */
export function CheckUrl() {
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<UrlCheck | null>(null);
  const [error, setError] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (!url.trim()) return;
    ask({ type: 'checkUrl', url }).then(
      (r) => { setResult(r); setError(''); },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">{t('checkTitle')}</h2>
      <form class="inline-form" onSubmit={submit} role="search" aria-labelledby="check-title">
        <label for="check-url" class="visually-hidden">{t('checkLabel')}</label>
        <input id="check-url" type="text" inputMode="url" autoComplete="off" spellcheck={false} dir="ltr" placeholder={t('checkPlaceholder')}
          value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} data-testid="check-input" />
        <button type="submit" data-testid="check-submit">{t('checkButton')}</button>
      </form>
      <div aria-live="polite">
        {result && <VerdictView check={result} testid="check-verdict" />}
        {error && <p role="alert">{error}</p>}
      </div>
    </section>
  );
}
