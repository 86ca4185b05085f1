export { visit, waitForUrl } from '../../../scripts/lib/chromium.ts';
