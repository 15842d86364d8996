import type { NatsConnection } from '@nats-io/transport-node';
import { NatsObjectBlobStore } from '@irp/blob-store';
import { MAIL_MESSAGES_BUCKET } from '@irp/contracts';
import { NATS_CONNECTION } from '@irp/messaging';

/** Received messages' bytes (bucket mail-messages), apart from the documents they become. */
export const RAW_MESSAGES = Symbol('RAW_MESSAGES');

export const rawMessagesProvider = {
  provide: RAW_MESSAGES,
  useFactory: (nc: NatsConnection) => NatsObjectBlobStore.open(nc, MAIL_MESSAGES_BUCKET),
  inject: [NATS_CONNECTION],
};
