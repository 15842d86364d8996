/** The header block of a message: everything before the first empty line, continuation lines unfolded. */
export function headerBlock(raw: Buffer): string {
  const text = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

/** One header's first value from an unfolded header block. */
export function headerValue(block: string, name: string): string | null {
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block);
  return match ? match[1].trim() : null;
}

/**
 * Structural damage mailparser would quietly paper over (it parses almost anything): a message
 * without headers, or a multipart body without a boundary or whose boundary never occurs. Such a
 * message is kept as failed with this reason rather than guessed at.
 */
export function mimeProblem(raw: Buffer): string | null {
  const block = headerBlock(raw);
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(block)) return 'malformed MIME: the message has no header block';
  const contentType = headerValue(block, 'content-type');
  if (!contentType || !/^multipart\//i.test(contentType)) return null;
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return 'malformed MIME: a multipart message without a boundary';
  const marker = `--${boundary[1] ?? boundary[2]}`;
  if (!raw.includes(marker)) return 'malformed MIME: the multipart boundary never occurs in the body';
  return null;
}
