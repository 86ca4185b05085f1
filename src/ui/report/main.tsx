import { render } from 'preact';
import { localizeDocument } from '../../platform/i18n.ts';
import { ReportPage } from './ReportPage.tsx';

localizeDocument(document);
render(<ReportPage />, document.getElementById('root')!);
