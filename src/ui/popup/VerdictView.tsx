import type { Finding, UrlCheck } from '../../messages/protocol.ts';
import { t } from '../../platform/i18n.ts';
import { Provenance } from '../warning/Provenance.tsx';
import { ReportFalsePositive } from './ReportFalsePositive.tsx';

type Suspected = Extract<Finding, { level: 'suspected' }>;

const RULE_TEXT: Readonly<Record<Suspected['rule'], string>> = {
  skeleton: 'content_ruleSkeleton',
  'edit-distance': 'content_ruleEditDistance',
  'embedded-brand': 'content_ruleEmbeddedBrand',
};

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
    return (
      <div class="verdict" data-testid={testid} data-verdict="suspected">
        <p class="verdict-head warn"><strong>{t('verdictSuspected', [host, finding.imitates])}</strong></p>
        <p>{t(RULE_TEXT[finding.rule], finding.imitates)}</p>
      </div>
    );
  }
  if (verdict.verdict === 'invalid') return <p class="verdict" data-testid={testid} data-verdict="invalid">{t('verdictInvalid')}</p>;
  return <p class="verdict" data-testid={testid} data-verdict="ok">{t('verdictOk', host)}</p>;
}
