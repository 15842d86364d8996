import { InboxEntry } from './inbox/inbox-entry.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';

export { NatsHealth, NatsModule, connectNats, natsConnectionOptions, type NatsOptions } from './nats.module';
export { JETSTREAM, NATS_CONNECTION } from './tokens';
export { RPC_DEFAULT_TIMEOUT_MS, RpcClient, type RequestOptions } from './rpc-client';
export { RpcServerModule, RpcErrorFilter, RpcTracingInterceptor, natsMicroserviceOptions } from './rpc-server';
export { DtoValidationPipe } from './validation.pipe';
export { Rpc, type RpcHandlerOf } from './rpc-handler';
export { toRpcErrorPayload } from './rpc-errors';
export { extractTraceContext, injectTraceContext } from './trace-context';
export { DEAD_LETTER_STREAM, DUPLICATE_WINDOW_MS, ensureStream, ensureStreamExists, type StreamSpec } from './jetstream/streams';
export { setStreamReplicas, streamReplicasOf } from './jetstream/stream-replicas';
export { resilientJetStream } from './jetstream/resilient-jetstream';
export { isNatsTimeout, isNoResponders } from './nats-errors';
export { retryDelayMs } from './retry-delay';
export { ConsumerHost, type HostedConsumer } from './jetstream/consumer-host';
export { DurableConsumer, type DurableConsumerSpec } from './jetstream/durable-consumer';
export { assertOwner, declaredConsumer, OwnerMismatch, type DeliveryInfo, type EventHandlerOf, type EventHandlers } from './jetstream/event-handlers';
export { OutboxMessage, InboxEntry };
export { recordEvent } from './outbox/record-event';
export { createEvent, publishEvent } from './jetstream/publish-event';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { outboxNotifyTrigger } from './outbox/outbox-notifications';
export { messagingTables } from './outbox/messaging-tables';
export { OutboxModule, type OutboxModuleOptions } from './outbox/outbox.module';
export { Outbox } from './outbox/outbox';
export { handleOnce } from './inbox/handle-once';

/** Tables every service that publishes or consumes events keeps in its own schema. */
export const MESSAGING_ENTITIES = [OutboxMessage, InboxEntry];
