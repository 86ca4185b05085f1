import type { Finding } from '../../messages/protocol.ts';
import { t } from '../../platform/i18n.ts';

type Blocked = Extract<Finding, { level: 'blocked' }>;

/** The matched entry and where its list came from, as plain text. */
export function Provenance({ finding }: { finding: Blocked }) {
  const { match, list } = finding;
  const rows: [string, string | undefined][] = [
    ['warningMatchedEntry', match.entry],
    ['warningCase', list.title],
    ['warningCourt', list.court],
    ['warningDate', list.date],
    ['warningSeizedBy', list.seizedBy],
    ['warningSource', list.source],
    ['warningCompleteness', list.confidence],
    ['warningListLine', `${list.id}${match.line > 0 ? `:${match.line}` : ''}`],
  ];
  return (
    <dl>
      {rows
        .filter((r): r is [string, string] => Boolean(r[1]))
        .map(([key, value]) => [<dt key={`${key}-t`}>{t(key)}</dt>, <dd key={`${key}-d`}>{value}</dd>])}
    </dl>
  );
}
