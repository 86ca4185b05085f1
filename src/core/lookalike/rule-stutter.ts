// A letter written three times or more (`appleiiid`, `paypalll-login`) is
// padding: no brand and next to no word holds such a run, so the token is
// read again with each run written once. Found so, it is a brand with
// letters changed (the warning's edit-distance reason), whatever rule fired.

/** Three or more of one letter in a row. */
const RUN = /([a-z])\1\1/;
const RUNS = /([a-z])\1{2,}/g;

/** The token with each run of three or more of one letter written once; null when it has none. */
export function unstuttered(token: string): string | null {
  return RUN.test(token) ? token.replace(RUNS, '$1') : null;
}
