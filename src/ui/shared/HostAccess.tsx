import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.ts';
import { hasAllHosts, onHostAccessChanged, requestAllHosts } from '../../platform/permissions.ts';

/**
 * Says plainly when the user withheld access to websites (Firefox allows it):
 * then nothing is checked. The button asks again; permissions.request must run
 * in the click itself, so nothing is awaited before it.
 */
export function HostAccess() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    const refresh = () => void hasAllHosts().then(setGranted, () => setGranted(null));
    refresh();
    onHostAccessChanged(refresh);
  }, []);
  if (granted !== false) return null;
  const ask = () => void requestAllHosts().then(setGranted, () => undefined);
  return (
    <section class="notice danger" role="alert" aria-labelledby="host-access-title" data-testid="host-access">
      <h2 id="host-access-title">{t('hostAccessTitle')}</h2>
      <p>{t('hostAccessBody')}</p>
      <button type="button" class="primary" onClick={ask}>{t('hostAccessGrant')}</button>
    </section>
  );
}
