import { render } from 'preact';
import { localizeDocument } from '../../platform/i18n.ts';
import { Popup } from './Popup.tsx';

const tab = Number(new URLSearchParams(location.search).get('tab') ?? NaN);
localizeDocument(document);
render(<Popup tabId={Number.isSafeInteger(tab) && tab >= 0 ? tab : undefined} />, document.getElementById('root')!);
