import { render } from 'preact';
import { localizeDocument } from '../../platform/i18n.ts';
import { Options } from './Options.tsx';

localizeDocument(document);
render(<Options />, document.getElementById('root')!);
