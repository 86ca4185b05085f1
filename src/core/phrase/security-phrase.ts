// The user's security phrase: a few words only they know, shown on the
// extension's genuine warnings so that a page imitating a warning (it cannot
// read the phrase) gives itself away. Pure, so the one rule is shared by the
// options page answer and the worker's read of storage.

/** Longest phrase, in code points: one line on a warning, long enough for a short sentence. */
export const MAX_PHRASE = 60;

export type PhraseProblem = 'too-long' | 'invalid-characters' | 'not-text';

/** '' means "no phrase". */
export type PhraseCheck = { ok: true; phrase: string } | { ok: false; problem: PhraseProblem };

// Control characters, and format characters other than the zero-width joiner
// (emoji sequences need it): invisible, or reordering the text around them
// (bidi overrides), so two phrases that look the same could differ.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const JOINER = /\u200d/g;

/** Trimmed, inner white space as single spaces, NFC; refused when too long or holding invisible characters. */
export function checkSecurityPhrase(raw: unknown): PhraseCheck {
  if (typeof raw !== 'string') return { ok: false, problem: 'not-text' };
  const phrase = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (INVISIBLE.test(phrase.replace(JOINER, ''))) return { ok: false, problem: 'invalid-characters' };
  if ([...phrase].length > MAX_PHRASE) return { ok: false, problem: 'too-long' };
  return { ok: true, phrase };
}

/** The phrase kept in storage as a warning may show it: null when none or not valid (e.g. edited by hand). */
export function storedPhrase(raw: unknown): string | null {
  const r = checkSecurityPhrase(raw);
  return r.ok && r.phrase !== '' ? r.phrase : null;
}
