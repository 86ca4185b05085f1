// A letter written three times or more (`appleiiid`, `paypalll-login`) is
// padding: no brand and next to no word holds such a run, so the token is
// read again with each run written once, or twice, as many brands double a
// letter (`appple`, `offfice`). Found so, it is a brand with
// letters changed (the warning's edit-distance reason), whatever rule fired.

/** Three or more of one letter in a row. */
const RUN = /([a-z])\1\1/;
const RUNS = /([a-z])\1{2,}/g;

/** The token with each run of three or more of one letter written once; null when it has none. */
export function unstuttered(token: string): string | null {
  return RUN.test(token) ? token.replace(RUNS, '$1') : null;
}

const LONG_RUN = /([a-z])\1{3}/;

/**
 * The same with each run of three written twice (`appple` as apple,
 * `offfice` as office): one letter added to a doubled one, a single slip.
 * Null when it has no run or a longer one (`goooogle` is two letters more).
 */
export function unstutteredTwice(token: string): string | null {
  return RUN.test(token) && !LONG_RUN.test(token) ? token.replace(RUNS, '$1$1') : null;
}
