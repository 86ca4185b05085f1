// Public surface of signed update bundles. See format.ts for the byte layout and
// keys.ts for the key formats.
export type { BundleError, BundleErrorCode } from './errors.ts';
export type { BundleEntry, BundleHeader, BundleKind, BundleListPayload, BundleParts, LegacyListPayload, DeltaAdd, DeltaPayload, DeltaRemove, VerifiedBundle } from './types.ts';
export { DEFAULT_MAX_BYTES, FORMAT_VERSION, READ_VERSIONS } from './format.ts';
export { exportPrivateKeyPem, generateSigner, importPrivateKeyPem, importPublicKey, publicKeyBytes, PUBLIC_KEY_PREFIX, type PublicKey, type Signer } from './keys.ts';
export { signBundle, signLegacyBundle, type LegacyParts } from './sign.ts';
export { bundleEntries, decodeEntryTable, verifyBundle, type VerifyOptions, type VerifyResult } from './verify.ts';
export { applyDelta, diffLists, emptyOverlay, isRemoved, materialize, overlayAdds, type DeltaOverlay, type EntryList } from './delta.ts';
export { readCapped, type ReadResult } from './read-capped.ts';
export { nextState, rebuildLists, stillTrusted, summaryOf, unchangedColumns, type BundleState, type BundleSummary, type UpdateResult } from './update.ts';
export { nextCheckMinutes, type ScheduleInput } from './schedule.ts';
