/** Why a document cannot be read; stable codes for the service's failure events. */
export type UnreadableReason = 'empty' | 'unsupported_type' | 'corrupt' | 'too_large' | 'too_many_pages' | 'encrypted';

/**
 * The document itself is the problem (corrupt, unsupported, too large, encrypted): reading it again
 * will not help. The message is written for the person who uploaded it.
 */
export class UnreadableDocumentError extends Error {
  override readonly name = 'UnreadableDocumentError';

  constructor(
    readonly reason: UnreadableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function imageTooLarge(width: number, height: number, maxPixels: number): UnreadableDocumentError {
  return new UnreadableDocumentError(
    'too_large',
    `The image is ${width} × ${height} pixels; images up to ${Math.round(maxPixels / 1e6)} megapixels can be read.`,
  );
}
