import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupResult } from '../../messages/protocol.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';
import { Explanation } from './Explanation.tsx';
import { SecurityPhrase } from './SecurityPhrase.tsx';
import { ReasonField, ReportMistake } from './ContinueExtras.tsx';

export function WarningPage({ url, framed = false }: { url: string; framed?: boolean }) {
  const result = useAsync(() => ask({ type: 'lookup', url }));
  const [safe, setSafe] = useState(false);
  if (framed) return <main><h1>{t('warningTitle')}</h1><p data-testid="framed">{t('warningFramed')}</p></main>;
  if (safe) return <SafeView />;
  if (result.state === 'loading') return <main aria-busy="true"><p>{t('warningLoading')}</p></main>;
  if (result.state === 'error' || !url) return <main><h1>{t('warningTitle')}</h1><p>{t('warningInvalid')}</p></main>;
  return <Warning url={url} result={result.value} onSafe={() => setSafe(true)} />;
}

function Warning({ url, result, onSafe }: { url: string; result: LookupResult; onSafe: () => void }) {
  const back = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState('');
  useEffect(() => back.current?.focus(), []);
  const { finding } = result;

  const goBack = () => {
    // history.length counts this page; with nothing before it, show a safe view in place.
    if (history.length > 1) history.back();
    else onSafe();
  };
  const [reason, setReason] = useState('');
  const timed = result.continueMode === 'timed-with-reason';
  const proceed = async () => {
    try {
      const r = await ask({ type: 'proceed', url, scope: 'page', ...(timed ? { reason } : {}) });
      if (r.ok) location.replace(url);
      else setError(r.error);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!finding) {
    return (
      <main aria-labelledby="title">
        <h1 id="title">{t('warningNotListedAnyMore')}</h1>
        <p class="blocked-url">{url}</p>
        <div class="actions"><button ref={back} onClick={() => location.replace(url)}>{t('warningOpenSite')}</button></div>
      </main>
    );
  }
  return (
    <main aria-labelledby="title" aria-describedby="lead" class={finding.level}>
      <Explanation finding={finding} url={url} host={result.verdict.host ?? url} />
      <SecurityPhrase />
      <div class="actions">
        <button ref={back} class="primary" onClick={goBack} data-testid="go-back">{t('warningGoBack')}</button>
        {result.continueMode === 'never' ? (
          <p class="hint" data-testid="continue-forbidden">{t('warningContinueForbidden')}</p>
        ) : (
          <button onClick={() => void proceed()} aria-describedby="continue-hint" data-testid="continue" disabled={timed && !reason.trim()}>
            {t('warningContinue')}
          </button>
        )}
      </div>
      {timed && <ReasonField value={reason} onInput={setReason} />}
      {result.continueMode !== 'never' && (
        <p id="continue-hint" class="hint">
          {timed ? t('warningContinueTimedHint', String(result.continueMinutes ?? '')) : t('warningContinueHint')}
        </p>
      )}
      {result.report && <ReportMistake report={result.report} />}
      {error && <p role="alert">{t('warningProceedFailed', error)}</p>}
    </main>
  );
}

function SafeView() {
  return (
    <main aria-labelledby="safe-title">
      <h1 id="safe-title" tabIndex={-1} ref={(el) => el?.focus()}>{t('safeTitle')}</h1>
      <p>{t('safeBody')}</p>
    </main>
  );
}
