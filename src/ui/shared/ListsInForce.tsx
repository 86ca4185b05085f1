import type { ListMeta } from '../../core/model.ts';
import { t } from '../../platform/i18n.ts';
import { SkippedLines } from './SkippedLines.tsx';

/** The lists in force with their entry counts, provenance and what their import skipped. */
export function ListsInForce({ lists }: { lists: readonly ListMeta[] }) {
  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">{t('popupLists')}</h2>
      <ul>
        {lists.map((l) => (
          <li key={l.id}>
            <strong>{l.title}</strong> — {t('popupEntries', String(l.count))}
            {l.date ? ` · ${l.date}` : ''}
            {l.skipped && <SkippedLines summary={l.skipped} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
