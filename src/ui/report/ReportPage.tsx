// The local protection report: what the extension stopped on this device,
// filters, a chart per day and per list, export and clearing.
import { useMemo, useState } from 'preact/hooks';
import { filterEvents, NO_FILTER, stopsPerDay, stopsPerList, totalStops, type ReportFilter } from '../../core/report/index.ts';
import type { ReportView } from '../../messages/protocol.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';
import { BarChart } from './BarChart.tsx';
import { ExportClear } from './ExportClear.tsx';
import { Filters } from './Filters.tsx';
import { ReportTable } from './ReportTable.tsx';
import { listLabel } from './labels.ts';

export function ReportPage() {
  const loaded = useAsync<ReportView>(() => ask({ type: 'readReport' }));
  const [cleared, setCleared] = useState<ReportView | null>(null);
  const [error, setError] = useState('');
  const view = cleared ?? (loaded.state === 'ready' ? loaded.value : null);
  const clear = () => ask({ type: 'clearReport' }).then(setCleared, (e: unknown) => setError(String(e)));
  return (
    <main class="report" aria-labelledby="report-title" aria-busy={loaded.state === 'loading'}>
      <h1 id="report-title">{t('reportTitle')}</h1>
      <p class="hint">{t('reportIntro')}</p>
      {view && <Report view={view} onClear={() => void clear()} />}
      {loaded.state === 'error' && <p role="alert">{loaded.error}</p>}
      {error && <p role="alert">{error}</p>}
    </main>
  );
}

function Report({ view, onClear }: { view: ReportView; onClear: () => void }) {
  const [filter, setFilter] = useState<ReportFilter>({ ...NO_FILTER });
  const rows = useMemo(() => filterEvents(view.rows, filter), [view, filter]);
  const lists = useMemo(() => [...new Map(view.rows.map((e) => [e.list, e.listTitle])).entries()], [view]);
  return (
    <>
      <p class="hint" data-testid="report-limits">{t('reportLimits', [String(view.limits.maxEvents), String(view.limits.maxDays)])}</p>
      <Filters filter={filter} lists={lists} onChange={setFilter} />
      <p aria-live="polite" data-testid="report-total">{t('reportTotal', String(totalStops(rows)))}</p>
      <div class="charts">
        <BarChart id="per-day" title={t('reportPerDay')} keyHeader={t('reportColDay')} tallies={stopsPerDay(rows)} />
        <BarChart id="per-list" title={t('reportPerList')} keyHeader={t('reportColList')} tallies={stopsPerList(rows).map((x) => ({ ...x, label: listLabel(x.key, x.label) }))} />
      </div>
      <ExportClear rows={rows} total={view.rows.length} onClear={onClear} />
      <h2>{t('reportRowsTitle')}</h2>
      <ReportTable rows={rows} />
    </>
  );
}
