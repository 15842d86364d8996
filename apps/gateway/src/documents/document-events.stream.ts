import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import {
  DomainError,
  ErrorCode,
  PROGRESS_SUBJECTS,
  DocumentProgress,
  parseDto,
  SUBJECTS,
  type DocumentProgressEvent,
  type DocumentStreamEvent,
  type DocumentView,
} from '@irp/contracts';
import { NATS_CONNECTION, RpcClient } from '@irp/messaging';
import { getLogger } from '@irp/observability';

const HEARTBEAT_MS = 15_000;
/** A stream ends after this even if the document is still being read; clients reconnect. */
const MAX_STREAM_MS = 10 * 60 * 1000;
/** Sent as `retry:`: how long EventSource waits before it reconnects. */
export const SSE_RETRY_MS = 3_000;

const isFinal = (status: string) => status === 'completed' || status === 'failed';

/** The last event id a reconnecting EventSource sends back; 0 on a first connection. */
export function lastEventIdOf(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,15}$/.test(value)) {
    throw new DomainError(ErrorCode.VALIDATION, 'Last-Event-ID must be an event id this stream sent (a non-negative integer)');
  }
  return Number(value);
}

/** Writes numbered events: ids go on from the Last-Event-ID a client resumes with, so they only grow. */
class EventWriter {
  constructor(
    private readonly raw: ServerResponse,
    private lastId: number,
  ) {}

  send(event: DocumentStreamEvent, data: DocumentView | DocumentProgressEvent): void {
    this.lastId += 1;
    this.raw.write(`id: ${this.lastId}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}

/**
 * Server-sent events of one document: `state` (the document now), `progress` events (percent,
 * stage) as the ocr and expenses services publish them on core NATS, and `done` with the final
 * state. Progress is ephemeral, so a client resuming with Last-Event-ID is not replayed what it
 * missed: it gets the current state at once (`done` if the document is finished) and what follows.
 */
@Injectable()
export class DocumentEventsStream {
  private readonly log = getLogger(DocumentEventsStream.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly rpc: RpcClient,
  ) {}

  async stream(userId: string, documentId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const lastEventId = lastEventIdOf(request.headers['last-event-id']);
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
      // Set before the guards' headers could be flushed by Fastify: hijacking skips them.
      ...Object.fromEntries(Object.entries(reply.getHeaders()).filter(([name]) => name.startsWith('ratelimit'))),
    });
    raw.write(`retry: ${SSE_RETRY_MS}\n\n`);
    const events = new EventWriter(raw, lastEventId);
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const deadline = setTimeout(() => subscription.unsubscribe(), MAX_STREAM_MS);
    raw.on('close', () => subscription.unsubscribe());
    if (raw.destroyed) subscription.unsubscribe(); // the client left before we listened
    try {
      if (isFinal(document.status)) {
        events.send(lastEventId > 0 ? 'done' : 'state', document);
        if (lastEventId > 0) return;
      } else {
        events.send('state', document);
        await this.forwardProgress(document, subscription, events);
      }
      if (raw.destroyed) return;
      const now = await this.rpc.request(SUBJECTS.getDocument, { userId, documentId });
      // `done` is final: a stream that reached its time limit mid-read just ends, and the client reconnects.
      if (isFinal(now.status)) events.send('done', now);
    } catch (error) {
      // The answer has started: no problem document can follow, so the stream ends and the client retries.
      this.log.warn({ err: error, documentId }, 'event stream ended early');
    } finally {
      clearInterval(heartbeat);
      clearTimeout(deadline);
      subscription.unsubscribe();
      raw.end();
    }
  }

  /** Progress until the document is final; two services report it, and what arrives late must not make the bar go back. */
  private async forwardProgress(document: DocumentView, subscription: AsyncIterable<{ json<T>(): T }>, events: EventWriter): Promise<void> {
    let shown = document.progress;
    for await (const message of subscription) {
      const progress = readProgress(message);
      if (!progress) continue; // not what the services publish: nothing trusted because it arrived
      if (isFinal(progress.status)) return;
      if (progress.progress < shown) continue;
      shown = progress.progress;
      events.send('progress', { documentId: progress.documentId, status: progress.status, progress: progress.progress, stage: progress.stage });
    }
  }
}

function readProgress(message: { json<T>(): T }): DocumentProgress | undefined {
  try {
    return parseDto(DocumentProgress, message.json<unknown>());
  } catch {
    return undefined;
  }
}
