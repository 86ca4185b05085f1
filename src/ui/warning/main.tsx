import { render } from 'preact';
import { localizeDocument } from '../../platform/i18n.ts';
import { WarningPage } from './WarningPage.tsx';

// The DNR rule appends the original URL after '#': take everything after the
// first '#' (which keeps the original URL's own fragment).
const blockedUrl = location.hash.startsWith('#') ? location.hash.slice(1) : '';
localizeDocument(document);
render(<WarningPage url={blockedUrl} />, document.getElementById('root')!);
