import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
  if (safe) return <SafeView />;
  if (result.state === 'loading') return <Loading />;
  if (result.state === 'error' || !url) return <main><h1>{t('warningTitle')}</h1><p>{t('warningInvalid')}</p></main>;
  const { finding } = result.value;
  const shown = !finding ? <Unlisted url={url} />
    : framed ? <main><h1>{t('warningTitle')}</h1><p data-testid="framed">{t('warningFramed')}</p></main>
    : <Warning url={url} result={result.value} onSafe={() => setSafe(true)} />;
  // A listed page never passes; any other asks for the pass first (held-pass.ts).
  return finding?.level === 'blocked' ? shown : <HeldPass url={url}>{shown}</HeldPass>;
}

const Loading = () => <main aria-busy="true"><p>{t('warningLoading')}</p></main>;

/** Opens `url` through a pass for exactly it, or lets the page as it would be (its finding, or its refused pass). */
const openThroughPass = (url: string): Promise<void> =>
  ask({ type: 'passHeld', url }).then(
    (r) => (r.ok ? location.replace(r.url) : location.replace(url)),
    () => location.replace(url),
  );

/**
 * DNR held this page because its host has more path entries than regex rules
 * can spell (core/dnr/path-rules.ts), or it was delisted. A page no list
 * names, or a look-alike the user already continued on, opens at once
 * through a pass; a refused pass (not passable, or the same page bounced
 * back) shows what the page would show without it, never a loop.
 */
function HeldPass({ url, children }: { url: string; children: ComponentChildren }) {
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    ask({ type: 'passHeld', url }).then(
      (r) => (r.ok ? location.replace(r.url) : setRefused(true)),
      () => setRefused(true),
    );
  }, [url]);
  return refused ? <>{children}</> : <Loading />;
}

/** A page no list names whose pass was refused (it bounced back). */
function Unlisted({ url }: { url: string }) {
  return (
    <main aria-labelledby="title">
      <h1 id="title">{t('warningNotListedAnyMore')}</h1>
      <p class="blocked-url">{url}</p>
      <div class="actions"><button ref={(el) => el?.focus()} onClick={() => location.replace(url)}>{t('warningOpenSite')}</button></div>
    </main>
  );
}

/** This warning's row in the local protection report (written once, when it is shown). */
function useStopRow(url: string, shown: boolean): Promise<number | null> {
  const row = useMemo(() => (shown ? ask({ type: 'stopShown', kind: 'full-page', url }).then((r) => r.id, () => null) : Promise.resolve(null)), [url, shown]);
  return row;
}

function Warning({ url, result, onSafe }: { url: string; result: LookupResult; onSafe: () => void }) {
  const back = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState('');
  useEffect(() => back.current?.focus(), []);
  const { finding } = result;
  const stop = useStopRow(url, finding !== null);

  const goBack = async () => {
    const id = await stop;
    if (id !== null) await ask({ type: 'stopChoice', id, action: 'went-back' }).catch(() => undefined);
    // history.length counts this page; with nothing before it, show a safe view in place.
    if (history.length > 1) history.back();
    else onSafe();
  };
  const [reason, setReason] = useState('');
  const timed = result.continueMode === 'timed-with-reason';
  const proceed = async () => {
    try {
      const stopId = await stop;
      const r = await ask({ type: 'proceed', url, scope: 'page', ...(timed ? { reason } : {}), ...(stopId === null ? {} : { stopId }) });
      // A look-alike page's continue holds for its host: through a held host's hold too.
      if (r.ok) await (finding?.level === 'suspected' ? openThroughPass(url) : location.replace(url));
      else setError(r.error);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!finding) return null; // WarningPage shows Unlisted
  return (
    <main aria-labelledby="title" aria-describedby="lead" class={finding.level}>
      <Explanation finding={finding} url={url} host={result.verdict.host ?? url} />
      <SecurityPhrase />
      <div class="actions">
        <button ref={back} class="primary" onClick={() => void goBack()} data-testid="go-back">{t('warningGoBack')}</button>
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
