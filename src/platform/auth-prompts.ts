// HTTP authentication: a 401 with `WWW-Authenticate` makes the browser draw
// its own sign-in dialog (browser UI, out of any content script's reach),
// and what the user types there goes to that server. Both browsers let an
// extension answer the challenge first (`webRequest.onAuthRequired` with
// `asyncBlocking`, permission `webRequestAuthProvider`): cancelled, no
// dialog is shown and the page gets the 401 body instead.
import { browser } from './browser.ts';

export interface AuthChallenge {
  url: string;
  tabId: number;
  type: string;
  /** A proxy's challenge (407) is the network's, not a site's. */
  isProxy: boolean;
}

type Callback = (response: { cancel?: boolean }) => void;
type AuthEvent = {
  addListener(listener: (d: AuthChallenge, callback: Callback) => void, filter: { urls: string[] }, extra: string[]): void;
};

/**
 * `cancel` decides for every site's challenge. When it cannot (an error), the
 * challenge is cancelled: no dialog the extension could not judge (fail closed).
 */
export function onAuthChallenge(cancel: (d: AuthChallenge) => Promise<boolean>, onError: (e: unknown) => void): void {
  (browser.webRequest.onAuthRequired as unknown as AuthEvent).addListener(
    (d, callback) => {
      cancel(d).then(
        (yes) => callback(yes ? { cancel: true } : {}),
        (e: unknown) => (onError(e), callback({ cancel: true })),
      );
    },
    { urls: ['http://*/*', 'https://*/*'] },
    ['asyncBlocking'],
  );
}
