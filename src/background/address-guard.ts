// A listed IP address reached through a host name (its own DNS, a rebinding
// service): DNR matches names, so the first page request reaches it. Once
// its response says where it came from, the name joins the session's
// address list (platform/address-names.ts), so the next state blocks it like
// any entry: its DNR rules stop every later request, its open pages and
// frames get the warning (open-tabs-guard.ts), the warning page names why.
import type { PageAddress } from '../platform/response-addresses.ts';
import { addAddressName } from '../platform/address-names.ts';
import { sessionAllowedHosts } from '../platform/allowed-hosts.ts';
import { hostOf } from './findings.ts';
import { invalidate, state } from './state.ts';

/** An address as a URL host: IPv6 in brackets. */
const addressUrl = (ip: string) => `http://${ip.includes(':') ? `[${ip}]` : ip}/`;

/** An IP literal: its forms are an IP entry's, which DNR matches already. */
const isAddress = (host: string) => host.startsWith('[') || /^[\d.]+$/.test(host);

/**
 * Names learned per session, at most: each one reloads the lists and
 * rewrites the rules, and a page could otherwise make up names by the
 * thousand to keep the worker busy.
 */
export const MAX_ADDRESS_NAMES = 200;
/** Names learned together reload the lists once. */
const RELOAD_DELAY_MS = 200;
let reload: ReturnType<typeof setTimeout> | null = null;

export async function guardAddress({ url, ip }: PageAddress): Promise<void> {
  const host = hostOf(url);
  if (!host || isAddress(host)) return;
  const { engine } = await state();
  if ((await engine.lookup(url)).verdict === 'warn' || (await engine.lookup(addressUrl(ip))).verdict !== 'warn') return;
  if ((await sessionAllowedHosts()).has(host)) return; // the user continued past this warning
  if (!(await addAddressName(`${host}/`, MAX_ADDRESS_NAMES)) || reload) return;
  reload = setTimeout(() => {
    reload = null;
    void invalidate();
  }, RELOAD_DELAY_MS);
}
