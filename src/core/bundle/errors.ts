// Every way a bundle can be refused, as data the status page can show as is.
// Verification never throws for bad input: callers get one of these instead.

export type BundleErrorCode =
  | 'too-large'
  | 'truncated'
  | 'corrupt'
  | 'unsupported-version'
  | 'untrusted-key'
  | 'bad-signature'
  | 'replayed'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-base';

export interface BundleError {
  code: BundleErrorCode;
  /** One sentence for the user or admin, naming the values involved. */
  message: string;
}

export const bundleError = (code: BundleErrorCode, message: string): BundleError => ({ code, message });

/** Thrown inside the decoder only; `verifyBundle` turns it back into a BundleError result. */
export class BundleRejection extends Error {
  constructor(readonly error: BundleError) {
    super(error.message);
    this.name = 'BundleRejection';
  }
}

export const reject = (code: BundleErrorCode, message: string): never => {
  throw new BundleRejection(bundleError(code, message));
};
