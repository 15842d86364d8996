const CHUNK_BYTES = 64 * 1024;

/** Text pieces as UTF-8 chunks of about 64 KiB: few large writes instead of one per row. */
export async function* utf8Chunks(pieces: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  let batch: string[] = [];
  let length = 0;
  for await (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= CHUNK_BYTES) {
      yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
      length = 0;
    }
  }
  if (length > 0) yield Buffer.from(batch.join(''), 'utf8');
}
