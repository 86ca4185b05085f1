// The rolling match: after every change to an editable field, the text that
// ends at the caret is compared with every stored password, one candidate per
// stored length (the window of that length ending where the user is typing).
// Reading the field's current value rather than a key log makes editing free:
// a backspace, a correction in the middle, a paste or an autofill all leave
// the field holding what would be sent, and that is what is compared.
import { HASH_BITS } from './hash.ts';
import { syncTruncatedHmac, type SyncHmacKey } from './sync-hmac.ts';

/** One learned password as the watcher holds it: never the password, never a full hash. */
export interface WatchedPassword {
  hash: string;
  length: number;
  /** Account label (the protected sign-in's host), shown in the alert. */
  label: string;
}

/** Synchronous, so a match is known within the event that completed it (sync-hmac.ts). */
export type Hasher = (text: string) => string;

export const hasherFor = (key: SyncHmacKey, bits: number = HASH_BITS): Hasher => (text) => syncTruncatedHmac(key, text, bits);

export class PasswordMatcher {
  /** Stored values grouped by length: one hash per length per check. */
  private readonly byLength = new Map<number, WatchedPassword[]>();
  /** The last candidate hashed per length: an unchanged window (caret moves, re-focus) costs nothing. */
  private readonly last = new Map<number, string>();

  constructor(
    passwords: readonly WatchedPassword[],
    private readonly hash: Hasher,
  ) {
    for (const p of passwords) {
      const same = this.byLength.get(p.length) ?? [];
      same.push(p);
      this.byLength.set(p.length, same);
    }
  }

  get empty(): boolean {
    return this.byLength.size === 0;
  }

  /** The windows of `text` ending at `caret` (default: its end), one per stored length that fits. */
  candidates(text: string, caret = text.length): Map<number, string> {
    const out = new Map<number, string>();
    for (const length of this.byLength.keys()) {
      if (length <= caret) out.set(length, text.slice(caret - length, caret));
    }
    return out;
  }

  /** The stored password the text just completed, or null. */
  check(text: string, caret = text.length): WatchedPassword | null {
    for (const [length, candidate] of this.candidates(text, caret)) {
      if (this.last.get(length) === candidate) continue;
      this.last.set(length, candidate);
      const h = this.hash(candidate);
      const found = this.byLength.get(length)?.find((p) => p.hash === h);
      if (found) return found;
    }
    return null;
  }

  /** Forget the last windows (a new field): the same text typed again is checked again. */
  reset(): void {
    this.last.clear();
  }
}
