import { browser } from './browser.ts';

/** Chrome: the 32-letter id fixed by the manifest key; Firefox: the gecko id. */
export const extensionId = (): string => browser.runtime.id;
