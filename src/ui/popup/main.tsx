import { render } from 'preact';
import { localizeDocument, t } from '../../platform/i18n.ts';
import { ask } from '../../platform/messaging.ts';
import { useAsync } from '../shared/use-async.ts';
import { ListsInForce } from '../shared/ListsInForce.tsx';
import type { ListMeta } from '../../core/model.ts';

function Popup() {
  const status = useAsync(() => ask({ type: 'status' }) as Promise<{ lists: ListMeta[] }>);
  return (
    <main style={{ minWidth: '22rem', padding: '1rem' }}>
      <h1 style={{ fontSize: '1.2rem', color: 'inherit' }}>{t('popupTitle')}</h1>
      <p>{t('popupProtected')}</p>
      {status.state === 'ready' && <ListsInForce lists={status.value.lists} />}
      {status.state === 'error' && <p role="alert">{status.error}</p>}
    </main>
  );
}

localizeDocument(document);
render(<Popup />, document.getElementById('root')!);
