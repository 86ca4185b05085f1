// The toolbar button's look for one tab (or every tab when tabId is undefined).
import { browser } from './browser.ts';

export interface ActionLook {
  /** Badge text ('' hides the badge). */
  badge: string;
  /** CSS colour of the badge. */
  colour: string;
  /** Tooltip (the button's accessible name). */
  title: string;
}

export async function setActionLook(look: ActionLook, tabId?: number): Promise<void> {
  const where = tabId === undefined ? {} : { tabId };
  await Promise.all([
    browser.action.setBadgeText({ ...where, text: look.badge }),
    browser.action.setBadgeBackgroundColor({ ...where, color: look.colour }),
    browser.action.setTitle({ ...where, title: look.title }),
  ]);
}
