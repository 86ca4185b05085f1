import type { StopEvent } from '../../core/report/index.ts';
import { t } from '../../platform/i18n.ts';
import { actionLabel, kindLabel, listLabel, rowTime } from './labels.ts';

/** Every value renders as text (preact escapes it; the build removes its only HTML sink). */
export function ReportTable({ rows }: { rows: StopEvent[] }) {
  if (rows.length === 0) return <p data-testid="report-empty">{t('reportEmpty')}</p>;
  return (
    <table data-testid="report-rows">
      <caption>{t('reportRowsCaption', String(rows.length))}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reportColTime')}</th>
          <th scope="col">{t('reportColHost')}</th>
          <th scope="col">{t('reportColEntry')}</th>
          <th scope="col">{t('reportColList')}</th>
          <th scope="col">{t('reportColKind')}</th>
          <th scope="col">{t('reportColAction')}</th>
          <th scope="col">{t('reportColCount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id} data-kind={e.kind}>
            <td><time dateTime={new Date(e.time).toISOString()}>{rowTime(e)}</time></td>
            <td class="text">{e.host}</td>
            <td class="text">{e.entry}</td>
            <td class="text">{listLabel(e.list, e.listTitle)}</td>
            <td>{kindLabel(e.kind)}</td>
            <td class="text">{actionLabel(e)}{e.reason && <>: <q>{e.reason}</q></>}</td>
            <td>{e.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
