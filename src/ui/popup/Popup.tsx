import type { StatusResponse, TabVerdict } from '../../messages/protocol.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';
import { ListsInForce } from '../shared/ListsInForce.tsx';
import { UpdateInfo } from '../shared/UpdateInfo.tsx';
import { HostAccess } from '../shared/HostAccess.tsx';
import { VerdictView } from './VerdictView.tsx';
import { CheckUrl } from './CheckUrl.tsx';

/** `tabId`: the tab to judge (from ?tab=, e.g. in tests); else the active tab. */
export function Popup({ tabId }: { tabId: number | undefined }) {
  const tab = useAsync<TabVerdict>(() => ask(tabId === undefined ? { type: 'tabVerdict' } : { type: 'tabVerdict', tabId }));
  const status = useAsync<StatusResponse>(() => ask({ type: 'status' }));
  return (
    <main class="popup" aria-labelledby="popup-title">
      <h1 id="popup-title">{t('popupTitle')}</h1>
      <HostAccess />
      <section aria-labelledby="tab-title">
        <h2 id="tab-title">{t('popupThisTab')}</h2>
        {tab.state === 'ready' && <VerdictView check={tab.value.check} testid="tab-verdict" />}
        {tab.state === 'error' && <p role="alert">{tab.error}</p>}
      </section>
      <CheckUrl />
      {status.state === 'ready' && (
        <>
          <ListsInForce lists={status.value.lists} />
          <UpdateInfo status={status.value} />
        </>
      )}
      {status.state === 'error' && <p role="alert">{status.error}</p>}
      <p><a href="../options/options.html" target="_blank" data-testid="open-options">{t('popupOpenOptions')}</a></p>
      <p><a href="../report/report.html" target="_blank" data-testid="open-report">{t('popupOpenReport')}</a></p>
    </main>
  );
}
