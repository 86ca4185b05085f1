// Which requests our block rules stopped, for the report's subresource count.
// Neither browser tells an installed extension which DNR rule matched without
// more: Chrome's onRuleMatchedDebug works only unpacked, getMatchedRules needs
// declarativeNetRequestFeedback and forgets after five minutes (20 calls per
// 10 minutes), and Firefox has neither. Both fire webRequest.onErrorOccurred
// for a request an extension's DNR rule blocked; observing it needs only the
// `webRequest` permission (no blocking, no new host access: the extension has
// <all_urls> for its redirects already), so that is what counts here. The
// caller still checks the URL against the lists, since other errors and other
// extensions' blocks arrive here too.
import { browser } from './browser.ts';

/** Frames are redirected to the warning page, which records them itself. */
const FRAMES = new Set(['main_frame', 'sub_frame']);

/** Chromium names a block by any extension `net::ERR_BLOCKED_BY_CLIENT`; Firefox gives no such name, so any error counts there. */
const mayBeBlock = (error: string): boolean => !error.startsWith('net::') || error === 'net::ERR_BLOCKED_BY_CLIENT';

export function onBlockedRequest(blocked: (url: string, time: number) => void): void {
  browser.webRequest.onErrorOccurred.addListener(
    (d) => {
      if (!FRAMES.has(d.type) && mayBeBlock(d.error)) blocked(d.url, Math.round(d.timeStamp));
    },
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
  );
}
