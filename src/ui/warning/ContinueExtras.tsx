import { useState } from 'preact/hooks';
import type { ReportLink } from '../../core/policy/report.ts';
import { t } from '../../platform/i18n.ts';

/** 'timed-with-reason': the user says why; the worker keeps it on this device for the admin. */
export function ReasonField({ value, onInput }: { value: string; onInput: (v: string) => void }) {
  return (
    <p>
      <label for="continue-reason">{t('warningReasonLabel')}</label>
      <br />
      <textarea
        id="continue-reason"
        data-testid="continue-reason"
        rows={3}
        maxLength={2000}
        value={value}
        onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
      />
    </p>
  );
}

/** "This is a mistake": the admin's address when set, else the prepared text to send to the list's maintainer. */
export function ReportMistake({ report }: { report: ReportLink }) {
  const [shown, setShown] = useState(false);
  if (report.url) {
    return (
      <p>
        <a href={report.url} target="_blank" rel="noreferrer noopener" data-testid="report-mistake">{t('warningReportMistake')}</a>
      </p>
    );
  }
  return (
    <section>
      <button onClick={() => setShown(true)} data-testid="report-mistake">{t('warningReportMistake')}</button>
      {shown && (
        <>
          <p>{t('warningReportPrepared')}</p>
          <textarea readOnly rows={5} data-testid="report-text" value={`${report.subject}\n\n${report.text}`} onFocus={(e) => (e.target as HTMLTextAreaElement).select()} />
          <button onClick={() => void navigator.clipboard.writeText(`${report.subject}\n\n${report.text}`)}>{t('warningReportCopy')}</button>
        </>
      )}
    </section>
  );
}
