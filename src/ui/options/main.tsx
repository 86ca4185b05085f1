import { render } from 'preact';
import { localizeDocument, t } from '../../platform/i18n.ts';
import { ask } from '../../platform/messaging.ts';
import { useAsync } from '../shared/use-async.ts';
import { ListsInForce } from '../shared/ListsInForce.tsx';
import type { ListMeta } from '../../core/model.ts';

function Options() {
  const status = useAsync(() => ask({ type: 'status' }) as Promise<{ lists: ListMeta[] }>);
  return (
    <main>
      <h1 style={{ color: 'inherit' }}>{t('optionsTitle')}</h1>
      {status.state === 'ready' && <ListsInForce lists={status.value.lists} />}
      {status.state === 'error' && <p role="alert">{status.error}</p>}
    </main>
  );
}

localizeDocument(document);
render(<Options />, document.getElementById('root')!);
