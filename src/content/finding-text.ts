// Turns a worker finding into the words of a warning. Blocked (a court or
// admin listing) is stated as fact with its provenance; suspected (a
// look-alike guess) is hedged and names the domain it seems to imitate.
import type { ContinueMode, Finding } from '../messages/protocol.ts';
import type { DialogSpec, PhraseText } from './shielded-dialog.ts';
import { lookalikeReason } from '../messages/lookalike-reason.ts';
import { t } from './i18n.ts';

export type WarningContext = 'link' | 'page' | 'target';

type Blocked = Extract<Finding, { level: 'blocked' }>;
type Suspected = Extract<Finding, { level: 'suspected' }>;

function reasonText(f: Suspected, host: string): string {
  const { key, subs } = lookalikeReason(f, host);
  return t(key, ...subs);
}

export function provenanceLines(f: Blocked): string[] {
  const lines = [t('content_provenance', f.match.entry, f.list.title)];
  // As the warning page shows it: court and date. A list's docket field often records that none was found.
  const { court, date } = f.list;
  if (court || date) lines.push(t('content_provenanceCourt', court ?? '', date ?? ''));
  return lines;
}

function titleFor(f: Finding, context: WarningContext): string {
  if (f.level === 'suspected') {
    return context === 'link' ? t('content_linkSuspectedTitle') : t('content_pageSuspectedTitle', f.imitates);
  }
  if (context === 'link') return t('content_linkBlockedTitle');
  return context === 'target' ? t('content_targetBlockedTitle') : t('content_pageBlockedTitle');
}

/** `host` is the dangerous host (the link's, the page's, or the form target's). */
export function dialogSpecFor(f: Finding, host: string, context: WarningContext, mode: ContinueMode): DialogSpec {
  const base = {
    level: f.level,
    badge: t(f.level === 'blocked' ? 'content_dialogBlockedBadge' : 'content_dialogSuspectedBadge'),
    title: titleFor(f, context),
    backLabel: t('content_goBack'),
    continueLabel:
      mode === 'never' ? null : t(context === 'link' ? 'content_continueLink' : 'content_continue'),
  };
  const spec: DialogSpec =
    f.level === 'blocked'
      ? { ...base, paragraphs: [t('content_blockedDetail', host)], provenance: provenanceLines(f) }
      : { ...base, paragraphs: [reasonText(f, host), t('content_suspectedDetail', host, f.imitates)] };
  if (context !== 'link') spec.paragraphs.push(t('content_fieldsHeld'));
  if (mode === 'timed-with-reason' && spec.continueLabel) spec.reasonLabel = t('content_reasonLabel');
  return spec;
}

/** The user's security phrase as a warning shows it; with none set, the invitation to choose one. */
export function securityPhraseText(phrase: string | null): PhraseText {
  return phrase ? { label: t('securityPhraseLabel'), phrase } : { label: t('securityPhraseNone') };
}
