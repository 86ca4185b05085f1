import { useState } from 'preact/hooks';
import type { SessionAllows as Allows } from '../../messages/protocol.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';

/** Sites the user chose to open anyway this session, and a way to take that back. */
export function SessionAllows() {
  const loaded = useAsync<Allows>(() => ask({ type: 'sessionAllows' }));
  const [cleared, setCleared] = useState<Allows | null>(null);
  const allows = cleared ?? (loaded.state === 'ready' ? loaded.value : null);
  const hosts = allows ? [...new Set([...allows.pages, ...allows.credentials])].sort() : [];
  const clear = () => void ask({ type: 'clearSessionAllows' }).then(setCleared);
  return (
    <section aria-labelledby="session-title" data-testid="session-allows">
      <h2 id="session-title">{t('optionsSessionTitle')}</h2>
      <p class="hint">{t('optionsSessionHelp')}</p>
      {hosts.length === 0 ? (
        <p data-testid="session-empty">{t('optionsSessionEmpty')}</p>
      ) : (
        <ul data-testid="session-hosts">{hosts.map((h) => <li key={h} dir="ltr">{h}</li>)}</ul>
      )}
      <button type="button" onClick={clear} disabled={hosts.length === 0} data-testid="session-clear">{t('optionsSessionClear')}</button>
      <p role="status" class="hint">{cleared ? t('optionsSessionCleared') : ''}</p>
    </section>
  );
}
