import type { Finding } from '../../messages/protocol.ts';
import { t } from '../../platform/i18n.ts';
import { Provenance } from './Provenance.tsx';
import { lookalikeReason } from '../../messages/lookalike-reason.ts';

/** Who listed the site decides how the warning explains it. */
const LEAD = { court: 'warningLead', admin: 'warningAdminLead', user: 'warningUserLead', address: 'warningAddressLead' } as const;

/**
 * Title (#title), lead (#lead), address and details of a warning. A listed
 * site is stated as fact with its provenance; a look-alike (not listed, but
 * the same judgement the in-page overlay makes) is hedged and names the
 * domain it seems to imitate: never "not on any list, you can open it".
 */
export function Explanation({ finding, url, host }: { finding: Finding; url: string; host: string }) {
  if (finding.level === 'suspected') {
    // How the judgement came about: the overlay's and the popup's words too.
    const reason = lookalikeReason(finding, host);
    return (
      <>
        <h1 id="title">{t('content_pageSuspectedTitle', finding.imitates)}</h1>
        <p id="lead">{t('content_suspectedDetail', [host, finding.imitates])}</p>
        <p data-testid="lookalike-reason">{t(reason.key, reason.subs)}</p>
        <p class="blocked-url" data-testid="blocked-url">{url}</p>
      </>
    );
  }
  return (
    <>
      <h1 id="title">{t('warningTitle')}</h1>
      <p id="lead">{t(LEAD[finding.list.origin])}</p>
      <h2>{t('warningBlockedUrl')}</h2>
      <p class="blocked-url" data-testid="blocked-url">{url}</p>
      <h2>{t('warningDetailsHeading')}</h2>
      <Provenance finding={finding} />
    </>
  );
}
