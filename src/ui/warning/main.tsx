import { render } from 'preact';
import { localizeDocument } from '../../platform/i18n.ts';
import { WarningPage } from './WarningPage.tsx';

// The DNR rule appends the original URL after '#': take everything after the
// first '#' (which keeps the original URL's own fragment).
const blockedUrl = location.hash.startsWith('#') ? location.hash.slice(1) : '';
localizeDocument(document);
// Web-accessible, so any page can frame it: a framed copy offers no choices,
// lest the page trick a click on "Continue anyway" (the worker refuses it too).
const framed = window.top !== window;
render(<WarningPage url={blockedUrl} framed={framed} />, document.getElementById('root')!);
