import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { BLOB_STORE, BlobTooLargeError, storeNewDocument, type BlobStore } from '@irp/blob-store';
import { DOCUMENT_MIME_TYPES, UPLOAD_MIME_TYPES, DocumentPage, DocumentView, ListDocumentsQuery, SUBJECTS, UploadedDocument } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { AcceptsStreamToken } from '../auth/stream-tokens';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/env';
import { IDEMPOTENCY_KEY_HEADER, problemResponses, queryParameters, schemaRef } from '../http/openapi';
import { RateLimitBudget } from '../rate-limit/rate-limit.decorator';
import { checkIdempotencyKey, UuidParam } from '../http/preconditions';
import { DocumentEventsStream } from './document-events.stream';
import { inspectUpload } from './upload-inspector';
import { multipartFile } from './multipart-file';

/** Content types whose request body is the document itself (not multipart). */
export const RAW_DOCUMENT_TYPES = ['application/pdf', 'application/octet-stream', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic', 'image/heif'];

const BINARY = { type: 'string', format: 'binary', maxLength: 2 ** 31 };

/** Multipart with a `file` part, or the bytes themselves with their type. */
const UPLOAD_BODY = {
  'multipart/form-data': {
    schema: { type: 'object', required: ['file'], properties: { file: { ...BINARY, description: 'The receipt or invoice' } } },
    encoding: { file: { contentType: UPLOAD_MIME_TYPES.join(', ') } },
  },
  ...Object.fromEntries(RAW_DOCUMENT_TYPES.map((type) => [type, { schema: BINARY }])),
};

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly rpc: RpcClient,
    private readonly events: DocumentEventsStream,
  ) {}

  @Post()
  @RateLimitBudget('uploads')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Upload a receipt or invoice (multipart `file`, or the raw bytes as the body); it is read in the background',
    requestBody: { required: true, content: UPLOAD_BODY },
  })
  @ApiHeader({ ...IDEMPOTENCY_KEY_HEADER, description: 'A retry with the same key answers the first upload' })
  @ApiResponse({ status: 202, schema: schemaRef(UploadedDocument), headers: { Location: { $ref: '#/components/headers/Location' } } as never })
  @problemResponses(
    400,
    401,
    [413, 'Larger than the upload limit, or more than your storage quota leaves room for (QUOTA_EXCEEDED)'],
    [415, 'Not a JPEG, PNG, WebP, TIFF, HEIC/HEIF or PDF'],
    [422, 'Empty, or an image with too many pixels'],
  )
  async upload(
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadedDocument> {
    const key = checkIdempotencyKey(idempotencyKey);
    const { stream, fileName } = await this.incomingFile(request);
    const { maxBytes, maxPixels } = this.config.uploads;
    const upload = await inspectUpload(stream, { maxBytes, maxPixels });
    const { document } = await storeNewDocument(this.blobs, this.rpc, upload.bytes, maxBytes, {
      userId: caller.userId,
      fileName,
      mimeType: upload.mimeType,
      idempotencyKey: key,
    }).catch((error: unknown) => {
      if (error instanceof BlobTooLargeError) throw new PayloadTooLargeException(`the file is larger than ${maxBytes} bytes`);
      throw error;
    });
    const statusUrl = `/api/v1/documents/${document.id}`;
    void reply.header('location', statusUrl);
    return { ...document, statusUrl, eventsUrl: `${statusUrl}/events` };
  }

  @Get()
  @ApiOperation({ summary: 'Your documents, newest first' })
  @queryParameters(ListDocumentsQuery, { status: 'Only documents in this state', limit: '1–100, default 50', cursor: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: schemaRef(DocumentPage) })
  @problemResponses(400, 401)
  list(@CurrentCaller() caller: Caller, @Query() query: ListDocumentsQuery): Promise<DocumentPage> {
    return this.rpc.request(SUBJECTS.listDocuments, { userId: caller.userId, ...query });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A document: status, extraction, the expense it became' })
  @ApiResponse({ status: 200, schema: schemaRef(DocumentView) })
  @problemResponses(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<DocumentView> {
    return this.rpc.request(SUBJECTS.getDocument, { userId: caller.userId, documentId: id });
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'The original bytes' })
  @ApiResponse({
    status: 200,
    description: 'The file as uploaded, with its detected type (`Content-Disposition: inline`); a mail body (HTML or text, UTF-8) as an attachment, sandboxed',
    content: Object.fromEntries(DOCUMENT_MIME_TYPES.map((type) => [type, { schema: BINARY }])),
    headers: { 'Content-Disposition': { description: 'inline; filename="…"', schema: { type: 'string', maxLength: 300 } } } as never,
  })
  @problemResponses(400, 401, 404)
  async file(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.rpc.request(SUBJECTS.getDocument, { userId: caller.userId, documentId: id });
    const bytes: Readable | null = await this.blobs.get(`${caller.userId}/${document.id}`);
    if (!bytes) throw new NotFoundException('the file of this document is gone');
    const name = (document.fileName ?? `document-${document.id}`).replace(/[^\w.\- ]/g, '_');
    // A mail's HTML body is someone else's markup: never rendered as our origin's page.
    const isText = document.mimeType.startsWith('text/');
    if (isText) void reply.header('content-security-policy', 'sandbox');
    await reply
      .header('content-type', isText ? `${document.mimeType}; charset=utf-8` : document.mimeType)
      .header('content-length', String(document.size))
      .header('content-disposition', `${isText ? 'attachment' : 'inline'}; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a document and its file; the expense it became stays, unlinked from it (documentId null); duplicates flagged against it lose that pointer' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @problemResponses(400, 401, 404)
  async delete(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.rpc.request(SUBJECTS.deleteDocument, { userId: caller.userId, documentId: id });
  }

  @Get(':id/events')
  @AcceptsStreamToken()
  @ApiQuery({ name: 'token', required: false, schema: { type: 'string', maxLength: 2048 }, description: 'A stream token from POST /documents/{id}/stream-token, instead of the Authorization header (for EventSource)' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, schema: { type: 'string', maxLength: 20, pattern: '^[0-9]+$' }, description: 'Resume: the current state is sent at once (no replay of missed progress) and event ids go on from it' })
  @ApiOperation({ summary: 'Server-sent events: `progress` (percent) while it is read, then `done` with the final state' })
  @ApiResponse({
    status: 200,
    description: 'An event stream (`text/event-stream`): `state` (the DocumentView now), `progress` while it is read, `done` (the final DocumentView); then it ends',
    content: { 'text/event-stream': { schema: { type: 'string', maxLength: 2 ** 30 } } },
  })
  @problemResponses(400, 401, 404)
  async stream(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.events.stream(caller.userId, id, request, reply);
  }

  /** The uploaded file as a stream: the `file` part of a multipart form, or the raw body. */
  private async incomingFile(request: FastifyRequest): Promise<{ stream: AsyncIterable<Uint8Array>; fileName?: string }> {
    if (request.isMultipart()) return multipartFile(request, this.config.uploads.maxBytes);
    const body = request.body as unknown;
    if (body && typeof body === 'object' && Symbol.asyncIterator in body) return { stream: body as AsyncIterable<Uint8Array> };
    throw new UnsupportedMediaTypeException(`send the file as multipart/form-data (field "file") or as the body with one of: ${RAW_DOCUMENT_TYPES.join(', ')}`);
  }
}
