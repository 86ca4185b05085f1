// What a look-alike check answers: the imitated domain and brand, the rule
// that fired, and the detail the warning quotes to say why.

export type LookalikeRule = 'skeleton' | 'edit-distance' | 'embedded-brand' | 'subdomain' | 'foreign-tld';
export const LOOKALIKE_RULES: readonly LookalikeRule[] = ['skeleton', 'edit-distance', 'embedded-brand', 'subdomain', 'foreign-tld'];

export interface Lookalike {
  /** The protected registrable domain it seems to imitate (`github.com`). */
  imitates: string;
  /** Its owner as the brand data names it (`GitHub`). */
  brand: string;
  rule: LookalikeRule;
  /**
   * The piece of the host the rule matched: the label or token (`glthub`,
   * `googleeplay`); for `subdomain` the other site the brand is put in
   * front of (`glitch.me`); for `foreign-tld` the ending (`xyz`).
   */
  part: string;
  /** For a substitution: what the host writes, and the brand's letters it stands for (`l`, `i`). */
  written?: string;
  means?: string;
}
