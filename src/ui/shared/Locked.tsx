import { t } from '../../platform/i18n.ts';

/** "Set by your organisation": shown next to a value the policy locks. */
export function Locked({ id }: { id: string }) {
  return (
    <p class="locked" id={id} data-testid="locked">
      <span aria-hidden="true">🔒 </span>
      {t('lockedByOrganisation')}
    </p>
  );
}
