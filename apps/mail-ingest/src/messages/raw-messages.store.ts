import { blobStoreProvider } from '@irp/blob-store';
import { MAIL_MESSAGES_BUCKET } from '@irp/contracts';

/** Received messages' bytes (bucket mail-messages), apart from the documents they become. */
export const RAW_MESSAGES = Symbol('RAW_MESSAGES');

export const rawMessagesProvider = blobStoreProvider(RAW_MESSAGES, MAIL_MESSAGES_BUCKET);
