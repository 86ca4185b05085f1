import type { UrlCheck } from '../../messages/protocol.ts';
import { lookalikeReason } from '../../messages/lookalike-reason.ts';
import { t } from '../../platform/i18n.ts';
import { Provenance } from '../warning/Provenance.tsx';
import { ReportFalsePositive } from './ReportFalsePositive.tsx';

/** One URL's verdict: listed with provenance, look-alike, not listed, or not checked. */
export function VerdictView({ check, testid }: { check: UrlCheck | null; testid: string }) {
  if (!check) return <p class="verdict" data-testid={testid} data-verdict="unjudged">{t('verdictNotJudged')}</p>;
  const { finding, verdict } = check;
  const host = verdict.host ?? check.url;
  if (finding?.level === 'blocked') {
    return (
      <div class="verdict" data-testid={testid} data-verdict="blocked">
        <p class="verdict-head danger"><strong>{t('verdictBlocked', host)}</strong></p>
        <Provenance finding={finding} />
        {check.report && <ReportFalsePositive report={check.report} />}
      </div>
    );
  }
  if (finding?.level === 'suspected') {
    const reason = lookalikeReason(finding, host);
    return (
      <div class="verdict" data-testid={testid} data-verdict="suspected">
        <p class="verdict-head warn"><strong>{t('verdictSuspected', [host, finding.imitates])}</strong></p>
        <p data-testid={`${testid}-reason`}>{t(reason.key, reason.subs)}</p>
      </div>
    );
  }
  if (verdict.verdict === 'invalid') return <p class="verdict" data-testid={testid} data-verdict="invalid">{t('verdictInvalid')}</p>;
  return <p class="verdict" data-testid={testid} data-verdict="ok">{t('verdictOk', host)}</p>;
}
