// Hosts-file lines: `0.0.0.0 evil.com other.com`.

/** Names every hosts file maps that are not blocklist entries. */
const SYSTEM_NAMES: ReadonlySet<string> = new Set([
  'localhost',
  'localhost.localdomain',
  'local',
  'broadcasthost',
  '0.0.0.0',
  'ip6-localhost',
  'ip6-loopback',
  'ip6-localnet',
  'ip6-mcastprefix',
  'ip6-allnodes',
  'ip6-allrouters',
  'ip6-allhosts',
]);

const IP_TOKEN = /^(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]*:[0-9a-f:.]*(?:%\w+)?)$/i;

/** The listed names of a hosts-file line (system names dropped), or null when it is not one. */
export function hostsLineNames(tokens: readonly string[]): string[] | null {
  if (tokens.length < 2 || !IP_TOKEN.test(tokens[0]!)) return null;
  return tokens.slice(1).filter((name) => !SYSTEM_NAMES.has(name.toLowerCase()));
}
