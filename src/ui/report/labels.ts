// The report's words for its kinds, actions and lists (message names cannot hold '-').
import type { StopAction, StopEvent, StopKind } from '../../core/report/index.ts';
import { t } from '../../platform/i18n.ts';

const KIND_KEYS: Record<StopKind, string> = {
  'full-page': 'reportKindFullPage',
  'link-click': 'reportKindLinkClick',
  'credential-overlay': 'reportKindCredentialOverlay',
  'password-alert': 'reportKindPasswordAlert',
  'subresource-blocked': 'reportKindSubresource',
};

const ACTION_KEYS: Record<StopAction, string> = {
  none: 'reportActionNone',
  'went-back': 'reportActionWentBack',
  continued: 'reportActionContinued',
  'reason-typed': 'reportActionReasonTyped',
};

export const kindLabel = (k: StopKind): string => t(KIND_KEYS[k]);
/** A blocked request offers no choice, so "no choice recorded" would mislead there. */
export const actionLabel = (e: Pick<StopEvent, 'kind' | 'action'>): string =>
  e.kind === 'subresource-blocked' ? t('reportActionAutomatic') : t(ACTION_KEYS[e.action]);

/** A list's title, or "look-alike" for the rows no list holds. */
export const listLabel = (list: string, title: string): string => (list === '' ? t('reportListLookalike') : title || list);

/** `YYYY-MM-DD HH:MM` UTC: the same clock as the per-day chart and the export. */
export const rowTime = (e: StopEvent): string => new Date(e.time).toISOString().slice(0, 16).replace('T', ' ');
