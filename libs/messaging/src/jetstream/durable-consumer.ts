import type { MikroORM } from '@mikro-orm/postgresql';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, JetStreamApiCodes, JetStreamApiError, type ConsumerConfig, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { headers as createHeaders, nanos, type NatsConnection } from '@nats-io/transport-node';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { DtoValidationError, EVENT_CONTRACTS, EventEnvelopeDto, isEventSubject, parseDto, type EventOf, type EventSubject } from '@irp/contracts';
import { counter, getLogger } from '@irp/observability';
import { withRequestContext } from '@irp/persistence';
import { handleOnce } from '../inbox/handle-once';
import { extractTraceContext } from '../trace-context';
import { resilientJetStream } from './resilient-jetstream';
import { OwnerMismatch, type EventHandlerOf, type EventHandlers } from './event-handlers';
import { DEAD_LETTER_STREAM, ensureStreamExists } from './streams';

export interface DurableConsumerSpec<S extends EventSubject = EventSubject> {
  stream: string;
  /** Durable name; also the inbox key, so it must stay stable across releases. */
  durable: string;
  filterSubject: string;
  /** Deliveries before the message is dead-lettered. */
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Messages handled at once (default 1: in order). */
  concurrency?: number;
  /** Called (in its own request context) before a valid event is dead-lettered, e.g. to tell the user. */
  onGiveUp?: (event: EventOf<S>, reason: string) => Promise<void>;
}

const tracer = trace.getTracer('@irp/messaging');
const handled = counter({ name: 'events_handled_total', help: 'Events handled by durable consumers', labelNames: ['consumer', 'outcome'] });
const ignored = counter({ name: 'events_ignored_total', help: 'Events of a type the consumer has no handler for (acked, not applied)', labelNames: ['consumer', 'type'] });

/** A message no retry can fix: dead-lettered at once. */
class PoisonMessage extends Error {}

function describeInvalid(error: DtoValidationError): string {
  return error.fields.map(({ field, messages }) => `${field}: ${messages.join('; ')}`).join(', ');
}

/**
 * A durable JetStream pull consumer with explicit acks and a typed handler per event subject. The
 * envelope and the payload are validated against the contracts before a handler runs; an invalid
 * event, or one whose user does not own what it names, is dead-lettered at once with the reason;
 * an event type without a handler is acked and counted. Each event is applied exactly once per
 * consumer through the inbox (in one transaction with the handler's writes, in its own MikroORM
 * request context); failures are redelivered with back-off up to maxDeliver, then published to
 * `dlq.<stream>.<durable>` with the reason and terminated.
 */
export class DurableConsumer<S extends EventSubject = EventSubject> {
  private readonly log = getLogger(DurableConsumer.name);
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
    private readonly spec: Required<Omit<DurableConsumerSpec<S>, 'onGiveUp'>> & Pick<DurableConsumerSpec<S>, 'onGiveUp'>,
    private readonly handlers: EventHandlers<S>,
  ) {}

  static async start<S extends EventSubject>(nc: NatsConnection, orm: MikroORM, spec: DurableConsumerSpec<S>, handlers: EventHandlers<S>): Promise<DurableConsumer<S>> {
    const consumer = new DurableConsumer<S>(nc, orm, { maxDeliver: 5, ackWaitMs: 30_000, concurrency: 1, ...spec }, handlers);
    await consumer.setUp();
    return consumer;
  }

  /**
   * Takes no new work: messages already pulled but not started go back to the stream at once (nak,
   * for another replica to take), those being handled finish; resolves when they have.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async setUp(): Promise<void> {
    await ensureStreamExists(this.nc, DEAD_LETTER_STREAM);
    const jsm = await jetstreamManager(this.nc);
    const config: Partial<ConsumerConfig> = {
      durable_name: this.spec.durable,
      filter_subject: this.spec.filterSubject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.spec.ackWaitMs),
      // We dead-letter ourselves; the server never drops a message on its own.
      max_deliver: -1,
      max_ack_pending: Math.max(1, this.spec.concurrency * 2),
    };
    try {
      await jsm.consumers.info(this.spec.stream, this.spec.durable);
      await jsm.consumers.update(this.spec.stream, this.spec.durable, config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound)) throw error;
      await jsm.consumers.add(this.spec.stream, config);
    }
    const consumer = await jetstream(this.nc).consumers.get(this.spec.stream, this.spec.durable);
    this.messages = await consumer.consume({ max_messages: Math.max(1, this.spec.concurrency * 2) });
    this.loop = this.run(this.messages);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      if (this.stopping) {
        message.nak();
        continue;
      }
      const task = this.process(message).finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
      if (this.inFlight.size >= this.spec.concurrency) await Promise.race(this.inFlight);
    }
  }

  private async process(message: JsMsg): Promise<void> {
    const parent = extractTraceContext(message.headers);
    const span = tracer.startSpan(`process ${message.subject}`, {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': message.subject, 'messaging.consumer.group.name': this.spec.durable },
    }, parent);
    const deliveryCount = message.info.deliveryCount;
    try {
      if (deliveryCount > this.spec.maxDeliver) throw new PoisonMessage(`gave up after ${this.spec.maxDeliver} deliveries`);
      const event = this.decode(message);
      const handler = this.handlerFor(event.type);
      if (!handler) {
        message.ack(); // a type this consumer does not apply (yet): not an error
        ignored.inc({ consumer: this.spec.durable, type: event.type });
        return;
      }
      const committed: { announce?: () => void } = {};
      await context.with(trace.setSpan(parent, span), () =>
        withRequestContext(this.orm, () =>
          handleOnce(this.orm.em, this.spec.durable, event.id, async () => {
            committed.announce = (await handler(event.data, event, { deliveryCount, heartbeat: () => message.working() })) ?? undefined;
          }),
        ),
      );
      message.ack();
      committed.announce?.();
      handled.inc({ consumer: this.spec.durable, outcome: 'ok' });
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      await this.fail(message, error);
    } finally {
      span.end();
    }
  }

  private handlerFor(type: string): EventHandlerOf<S> | undefined {
    return Object.hasOwn(this.handlers, type) ? (this.handlers[type as S] as EventHandlerOf<S>) : undefined;
  }

  /** The envelope, and for a type this consumer handles, the payload checked against its contract class. */
  private decode(message: JsMsg): EventOf<S> {
    let raw: unknown;
    try {
      raw = message.json<unknown>();
    } catch (error) {
      throw new PoisonMessage(`undecodable message: ${(error as Error).message}`);
    }
    try {
      const envelope = parseDto(EventEnvelopeDto, raw);
      // Permissions are per subject: a type other than the subject it came on is a forgery.
      if (envelope.type !== message.subject) throw new PoisonMessage(`invalid event: type ${envelope.type} arrived on ${message.subject}`);
      if (!isEventSubject(envelope.type) || !this.handlerFor(envelope.type)) return envelope as EventOf<S>;
      const payloadClass = EVENT_CONTRACTS[envelope.type].payload as new () => object;
      return { ...envelope, data: parseDto(payloadClass, envelope.data) } as EventOf<S>;
    } catch (error) {
      if (error instanceof DtoValidationError) throw new PoisonMessage(`invalid event: ${describeInvalid(error)}`);
      throw error;
    }
  }

  private async fail(message: JsMsg, error: unknown): Promise<void> {
    const deliveryCount = message.info.deliveryCount;
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof PoisonMessage || error instanceof OwnerMismatch || deliveryCount >= this.spec.maxDeliver) {
      this.log.error({ err: error, subject: message.subject, deliveryCount, consumer: this.spec.durable }, 'event dead-lettered');
      await this.giveUp(message, reason);
      await this.deadLetter(message, reason);
      // No reason on the TERM itself: nats-server 2.9 ignores "+TERM <reason>", leaving the message
      // pending (it blocked the consumer at max_ack_pending). The reason travels on the dead letter.
      message.term();
      handled.inc({ consumer: this.spec.durable, outcome: 'dead_lettered' });
      return;
    }
    this.log.warn({ err: error, subject: message.subject, deliveryCount, consumer: this.spec.durable }, 'event failed; will be redelivered');
    message.nak(Math.min(30_000, 250 * 2 ** deliveryCount));
    handled.inc({ consumer: this.spec.durable, outcome: 'retried' });
  }

  private async giveUp(message: JsMsg, reason: string): Promise<void> {
    if (!this.spec.onGiveUp) return;
    let event: EventOf<S>;
    try {
      event = this.decode(message);
    } catch {
      return; // nothing trustworthy to tell anyone about
    }
    try {
      await withRequestContext(this.orm, () => this.spec.onGiveUp?.(event, reason) ?? Promise.resolve());
    } catch (error) {
      this.log.error({ err: error, consumer: this.spec.durable }, 'giving up on an event failed too');
    }
  }

  private async deadLetter(message: JsMsg, reason: string): Promise<void> {
    const headers = createHeaders();
    for (const [key, values] of message.headers ?? []) for (const value of values) headers.append(key, value);
    headers.set('Irp-Dead-Letter-Reason', reason.slice(0, 500));
    headers.set('Irp-Original-Subject', message.subject);
    headers.set('Irp-Delivery-Count', String(message.info.deliveryCount));
    await resilientJetStream(this.nc).publish(`dlq.${this.spec.stream}.${this.spec.durable}`, message.data, { headers });
  }
}
