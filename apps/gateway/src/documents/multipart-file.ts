import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface IncomingFile {
  stream: AsyncIterable<Uint8Array>;
  fileName?: string;
}

/**
 * The `file` part of a multipart form. A malformed form (no boundary, cut short, broken part
 * headers) is the client's mistake: busboy's plain errors become a 400 naming it, whether they
 * come at once or while the file streams; errors that already carry a status (limits) keep it.
 */
export async function multipartFile(request: FastifyRequest, maxBytes: number): Promise<IncomingFile> {
  const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1 } }).catch((error: unknown) => {
    throw asClientError(error);
  });
  if (!part) throw new UnsupportedMediaTypeException('the multipart form has no file part');
  return { stream: clientErrorsAs400(part.file), fileName: part.filename ? part.filename.slice(0, 255) : undefined };
}

async function* clientErrorsAs400(stream: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    throw asClientError(error);
  }
}

function asClientError(error: unknown): unknown {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  return new BadRequestException(`the multipart form is malformed: ${(error as Error).message}`);
}
