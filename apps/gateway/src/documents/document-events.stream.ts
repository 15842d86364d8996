import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROGRESS_SUBJECTS, SUBJECTS, type DocumentProgress, type DocumentView } from '@irp/contracts';
import { NATS_CONNECTION, RpcClient } from '@irp/messaging';

const HEARTBEAT_MS = 15_000;
/** A stream ends after this even if the document is still being read; clients reconnect. */
const MAX_STREAM_MS = 10 * 60 * 1000;

const isFinal = (status: string) => status === 'completed' || status === 'failed';

/**
 * Server-sent events of one document: the current state, `progress` events (percent, stage) as the
 * ocr and expenses services publish them on core NATS, and `done` with the final state.
 */
@Injectable()
export class DocumentEventsStream {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly rpc: RpcClient,
  ) {}

  async stream(userId: string, documentId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // Subscribe before reading the state, so nothing published in between is missed.
    const subscription = this.nc.subscribe(PROGRESS_SUBJECTS.any(documentId));
    let document: DocumentView;
    try {
      document = await this.rpc.request(SUBJECTS.getDocument, { userId, documentId }); // 404 for other users' documents
    } catch (error) {
      subscription.unsubscribe();
      throw error;
    }

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const deadline = setTimeout(() => subscription.unsubscribe(), MAX_STREAM_MS);
    raw.on('close', () => subscription.unsubscribe());
    try {
      send('state', document);
      if (!isFinal(document.status)) {
        // Two services report progress; what arrives late must not make the bar go back.
        let shown = document.progress;
        for await (const message of subscription) {
          const progress = message.json<DocumentProgress>();
          if (isFinal(progress.status)) break;
          if (progress.progress < shown) continue;
          shown = progress.progress;
          send('progress', progress);
        }
      }
      if (!raw.destroyed) send('done', await this.rpc.request(SUBJECTS.getDocument, { userId, documentId }));
    } finally {
      clearInterval(heartbeat);
      clearTimeout(deadline);
      subscription.unsubscribe();
      raw.end();
    }
  }
}
