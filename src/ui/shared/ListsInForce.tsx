import type { ListMeta } from '../../core/model.ts';
import { t } from '../../platform/i18n.ts';

/** The lists in force with their entry counts and provenance. */
export function ListsInForce({ lists }: { lists: readonly ListMeta[] }) {
  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">{t('popupLists')}</h2>
      <ul>
        {lists.map((l) => (
          <li key={l.id}>
            <strong>{l.title}</strong> — {t('popupEntries', String(l.count))}
            {l.date ? ` · ${l.date}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
