// A stand-in for the extension runtime: getMessage echoes the key and its
// substitutions, so tests can assert which message and values were used.
import { setRuntime } from '../../../src/platform/content-runtime.ts';
import type { Finding } from '../../../src/messages/protocol.ts';

export function installFakeRuntime(): void {
  setRuntime({
    sendMessage: async () => {
      throw new Error('tests pass their own ask functions');
    },
    getMessage: (key, subs) => [key, ...(subs ?? [])].join('|'),
    onMessage: () => undefined,
  });
}

export const BLOCKED: Finding = {
  level: 'blocked',
  match: { entry: 'evil.test/', list: 'ms-v-thallium', line: 12 },
  list: {
    id: 'ms-v-thallium',
    title: 'Microsoft v. Thallium',
    origin: 'court',
    court: 'E.D. Va.',
    docket: '1:19-cv-01582',
    date: '2019-12-18',
    count: 50,
  },
};

export const SUSPECTED: Finding = { level: 'suspected', imitates: 'microsoft.com', brand: 'Microsoft', rule: 'skeleton', part: 'micr0soft', written: '0', means: 'o' };
