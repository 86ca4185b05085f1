import { STOP_KINDS, type ReportFilter, type StopKind } from '../../core/report/index.ts';
import { t } from '../../platform/i18n.ts';
import { kindLabel, listLabel } from './labels.ts';

interface Props {
  filter: ReportFilter;
  /** Lists present in the report: [id, title]. */
  lists: Array<[string, string]>;
  onChange: (f: ReportFilter) => void;
}

const ALL = '*';

export function Filters({ filter, lists, onChange }: Props) {
  const set = (patch: Partial<ReportFilter>) => onChange({ ...filter, ...patch });
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form class="filters" aria-labelledby="filters-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="filters-title" class="visually-hidden">{t('reportFiltersTitle')}</h2>
      <label>
        {t('reportFilterKind')}
        <select data-testid="filter-kind" value={filter.kind ?? ALL} onChange={(e) => set({ kind: value(e) === ALL ? null : (value(e) as StopKind) })}>
          <option value={ALL}>{t('reportFilterAll')}</option>
          {STOP_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
        </select>
      </label>
      <label>
        {t('reportFilterList')}
        <select data-testid="filter-list" value={filter.list ?? ALL} onChange={(e) => set({ list: value(e) === ALL ? null : value(e) })}>
          <option value={ALL}>{t('reportFilterAll')}</option>
          {lists.map(([id, title]) => <option key={id} value={id}>{listLabel(id, title)}</option>)}
        </select>
      </label>
      <label>
        {t('reportFilterFrom')}
        <input type="date" data-testid="filter-from" value={filter.from} onInput={(e) => set({ from: value(e) })} />
      </label>
      <label>
        {t('reportFilterTo')}
        <input type="date" data-testid="filter-to" value={filter.to} onInput={(e) => set({ to: value(e) })} />
      </label>
      <label>
        {t('reportFilterHost')}
        <input type="search" data-testid="filter-host" value={filter.host} onInput={(e) => set({ host: value(e) })} />
      </label>
    </form>
  );
}
