// Named one-shot alarms. They survive worker stops (and, in Chrome, restarts),
// so a schedule set before the worker is killed still fires.
import { browser } from './browser.ts';

/** Fires `name` at `when` (epoch ms), replacing any earlier alarm of that name. */
export async function setAlarm(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when });
}

/** When `name` fires next, or null when it is not set. */
export async function alarmTime(name: string): Promise<number | null> {
  return (await browser.alarms.get(name))?.scheduledTime ?? null;
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

/** Register at the worker's top level so the alarm wakes it. */
export function onAlarm(name: string, listener: () => void): void {
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === name) listener();
  });
}
