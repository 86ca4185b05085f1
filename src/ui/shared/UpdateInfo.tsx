import type { StatusResponse } from '../../messages/protocol.ts';
import { t } from '../../platform/i18n.ts';
import { formatTime } from './format.ts';

/** The admin bundle in force and the updater's last results. */
export function UpdateInfo({ status }: { status: StatusResponse }) {
  const { update: u, adminBundle: b } = status;
  const rows: Array<[string, string]> = [];
  if (b) rows.push([t('updateBundle'), t('updateBundleValue', [String(b.seq), b.publisher, formatTime(b.expires)])]);
  if (u.nextCheck === null) {
    rows.push([t('updateLast'), t('updateNotConfigured')]);
  } else {
    rows.push([t('updateLast'), formatTime(u.lastSuccess) || t('updateNever')]);
    if (u.lastError) rows.push([t('updateLastError'), t('updateErrorValue', [u.lastError.message, formatTime(u.lastError.at)])]);
    rows.push([t('updateNext'), formatTime(u.nextCheck)]);
  }
  return (
    <section aria-labelledby="update-title" data-testid="update-info">
      <h2 id="update-title">{t('updateTitle')}</h2>
      <dl>
        {rows.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}
      </dl>
      {status.problems.length > 0 && (
        <ul class="problems" aria-label={t('updateProblems')}>
          {status.problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
    </section>
  );
}
