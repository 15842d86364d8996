import type { Provider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NatsObjectBlobStore } from '@irp/blob-store';
import { TAX_REPORTS_BUCKET } from '@irp/contracts';
import { NATS_CONNECTION } from '@irp/messaging';

/** The bucket the tax service writes report files into; the gateway streams them out. */
export const TAX_REPORTS_STORE = Symbol('TAX_REPORTS_STORE');

export const taxReportsStoreProvider: Provider = {
  provide: TAX_REPORTS_STORE,
  useFactory: (nc: NatsConnection) => NatsObjectBlobStore.open(nc, TAX_REPORTS_BUCKET),
  inject: [NATS_CONNECTION],
};
