import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';

/**
 * The user's security phrase (options page), which a page imitating this
 * warning cannot know; when none is set, an invitation to choose one. Text
 * only, never markup. Shown on real warnings only, never in a framed copy.
 */
export function SecurityPhrase() {
  const got = useAsync(() => ask({ type: 'securityPhrase' }));
  if (got.state !== 'ready') return null;
  const { phrase } = got.value;
  return (
    <p class="security-phrase" data-testid="security-phrase">
      {phrase === null ? t('securityPhraseNone') : <>{t('securityPhraseLabel')} <strong>{phrase}</strong></>}
    </p>
  );
}
