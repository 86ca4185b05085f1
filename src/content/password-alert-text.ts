// The words of the protected-password alert. It says what happened (the
// password of a protected account was just typed on this host), what to do
// (change it now: the organisation's page when the admin set one), and offers
// "This is my own site" only when the policy allows it.
import type { DialogSpec } from './shielded-dialog.ts';
import { t } from './i18n.ts';

export interface AlertFacts {
  host: string;
  /** The protected account's label (its sign-in host). */
  account: string;
  changeUrl: string | null;
  ownSite: boolean;
}

export function passwordAlertSpec(f: AlertFacts): DialogSpec {
  return {
    level: 'blocked',
    badge: t('content_pwAlertBadge'),
    title: t('content_pwAlertTitle', f.account, f.host),
    paragraphs: [
      t('content_pwAlertDetail', f.host, f.account),
      t(f.changeUrl ? 'content_pwAlertChangeLink' : 'content_pwAlertChangeSelf', f.account),
      t('content_fieldsHeld'),
    ],
    // The safe answer: go and change it (the admin's page), or at least leave.
    backLabel: t(f.changeUrl ? 'content_pwAlertChange' : 'content_pwAlertLeave'),
    continueLabel: f.ownSite ? t('content_pwAlertOwnSite') : null,
    // It opens while the user types: the Enter that was meant to sign in must not close it unread.
    delayBack: true,
  };
}
