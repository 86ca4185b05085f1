// Writes and removes a Chromium managed policy for the extension (Linux reads
// /etc/chromium/policies/managed/*.json at launch and watches it), for the
// e2e tests. Needs root, as policy files do.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_EXTENSION_ID, GECKO_ID } from './extension-ids.ts';

export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

export function policyPath(name: string): string {
  return join(CHROMIUM_POLICY_DIR, `${name}.json`);
}

/** Writes `settings` as the extension's 3rdparty policy in file `name`.json; returns its path. */
export function writeExtensionPolicy(name: string, settings: Record<string, unknown>): string {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const path = policyPath(name);
  writeFileSync(path, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: settings } } }, null, 2));
  return path;
}

export function removeExtensionPolicy(name: string): void {
  rmSync(policyPath(name), { force: true });
}

/** Firefox reads enterprise policies from its install's distribution folder at start-up only. */
export const FIREFOX_POLICY_FILE = process.env.FIREFOX_POLICY_FILE ?? '/usr/lib/firefox-esr/distribution/policies.json';

/** Writes a policies.json giving the extension `settings` ("3rdparty" extension policy). */
export function writeFirefoxPolicy(settings: Record<string, unknown>): string {
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: settings } } } }, null, 2));
  return FIREFOX_POLICY_FILE;
}

export function removeFirefoxPolicy(): void {
  rmSync(FIREFOX_POLICY_FILE, { force: true });
}
