import { useState } from 'preact/hooks';
import type { ReportLink } from '../../core/policy/report.ts';
import { t } from '../../platform/i18n.ts';

/**
 * "Report a false positive": copies the prepared text (entry, list, version;
 * never the page) to the clipboard. Nothing is sent: the user chooses where to
 * paste it, or follows the organisation's address when one is set.
 */
export function ReportFalsePositive({ report }: { report: ReportLink }) {
  const text = `${report.subject}\n\n${report.text}`;
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => void navigator.clipboard.writeText(text).then(() => setState('copied'), () => setState('failed'));
  return (
    <details class="report">
      <summary>{t('reportSummary')}</summary>
      <p class="hint">{t('reportExplain')}</p>
      <label for="report-text">{t('reportTextLabel')}</label>
      <textarea id="report-text" readOnly rows={5} value={text} data-testid="report-text" onFocus={(e) => (e.target as HTMLTextAreaElement).select()} />
      <div class="actions">
        <button type="button" onClick={copy} data-testid="report-copy">{t('reportCopy')}</button>
        {report.url && <a href={report.url} target="_blank" rel="noreferrer noopener">{t('reportOpenAddress')}</a>}
      </div>
      <p role="status" class="hint">{state === 'copied' ? t('reportCopied') : state === 'failed' ? t('reportCopyFailed') : ''}</p>
    </details>
  );
}
