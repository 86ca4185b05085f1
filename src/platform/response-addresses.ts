// The IP address a page or frame came from. Neither browser tells an
// extension where a name resolves before the request goes out (DNR matches
// names only); webRequest reports the address once the response starts.
import { browser } from './browser.ts';

export interface PageAddress {
  url: string;
  /** The address the response came from (absent when served from cache). */
  ip: string;
}

/** Pages and frames only: where a sign-in is shown. */
export function onPageAddress(listener: (d: PageAddress) => void): void {
  browser.webRequest.onResponseStarted.addListener(
    (d) => {
      if (d.ip) listener({ url: d.url, ip: d.ip });
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] },
  );
}
