import { useState } from 'preact/hooks';
import type { PasswordAlertStatus } from '../../messages/protocol.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';

/** How many passwords the alert knows, a way to forget them, and where alerts are sent (the one request besides updates). */
export function PasswordAlertStatusView() {
  const loaded = useAsync<PasswordAlertStatus>(() => ask({ type: 'passwordAlertStatus' }));
  const [after, setAfter] = useState<PasswordAlertStatus | null>(null);
  const status = after ?? (loaded.state === 'ready' ? loaded.value : null);
  if (!status) return null;
  const forget = () => void ask({ type: 'forgetPasswords' }).then(setAfter);
  return (
    <section aria-labelledby="pw-title" data-testid="password-alert">
      <h2 id="pw-title">{t('optionsPwTitle')}</h2>
      <p data-testid="pw-learned">{t('optionsPwLearned', String(status.learned))}</p>
      <p data-testid="pw-report" dir="auto">{status.reportUrl ? t('optionsPwReport', status.reportUrl) : t('optionsPwNoReport')}</p>
      <button type="button" onClick={forget} disabled={status.learned === 0} data-testid="pw-forget">{t('optionsPwForget')}</button>
    </section>
  );
}
