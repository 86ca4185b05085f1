// Public surface of the protected-password alert's pure logic.
export { HASH_BITS, importSalt, newSalt, truncatedHmac, type HmacKey } from './hash.ts';
export { syncHmacKey, syncTruncatedHmac, type SyncHmacKey } from './sync-hmac.ts';
export { hasherFor, PasswordMatcher, type Hasher, type WatchedPassword } from './matcher.ts';
export { accountLabel, allowedOrigin, isWatched, loginAt, protectedLogin, type WatchScope } from './logins.ts';
export { learnedPassword, MAX_LEARNED, validLearned, withLearned, type LearnedPassword } from './learned.ts';
export { alertReportBody, type PasswordAlertReport } from './report.ts';
