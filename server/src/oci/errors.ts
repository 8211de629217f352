// Why an uploaded image archive was refused. The service turns each kind into its API reason.

export type ImageArchiveProblem = 'unsafe_entry' | 'digest_mismatch' | 'invalid_archive';

export class ImageArchiveError extends Error {
  constructor(
    readonly problem: ImageArchiveProblem,
    message: string,
    /** The archive or layer entry at fault, when there is one. */
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ImageArchiveError';
  }
}
