import { useRef } from 'preact/hooks';
import { toCsv, toJson, type StopEvent } from '../../core/report/index.ts';
import { t } from '../../platform/i18n.ts';

/** Saves `text` as a file through a blob URL, revoked once the download has it. */
function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const fileName = (ext: string) => `takedown-guard-report-${new Date().toISOString().slice(0, 10)}.${ext}`;

/** Export what the filters show; clear everything, after a confirmation. */
export function ExportClear({ rows, total, onClear }: { rows: StopEvent[]; total: number; onClear: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div class="actions">
      <button data-testid="export-csv" disabled={rows.length === 0} onClick={() => download(toCsv(rows), 'text/csv;charset=utf-8', fileName('csv'))}>
        {t('reportExportCsv')}
      </button>
      <button data-testid="export-json" disabled={rows.length === 0} onClick={() => download(toJson(rows), 'application/json', fileName('json'))}>
        {t('reportExportJson')}
      </button>
      <button data-testid="clear" disabled={total === 0} onClick={() => dialog.current?.showModal()}>{t('reportClear')}</button>
      <dialog ref={dialog} aria-labelledby="clear-title" aria-describedby="clear-body" data-testid="clear-dialog">
        <h2 id="clear-title">{t('reportClearTitle')}</h2>
        <p id="clear-body">{t('reportClearBody', String(total))}</p>
        <form method="dialog" class="actions">
          <button value="cancel" autoFocus data-testid="clear-cancel">{t('reportClearCancel')}</button>
          <button value="clear" class="primary" data-testid="clear-confirm" onClick={onClear}>{t('reportClearConfirm')}</button>
        </form>
      </dialog>
    </div>
  );
}
