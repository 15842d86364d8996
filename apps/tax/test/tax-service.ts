import type { INestMicroservice } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import { setTimeout as sleep } from 'node:timers/promises';
import { SUBJECTS, TAX_REPORTS_BUCKET, type CreateTaxReportBody, type ExpenseSnapshot, type TaxReportFormat, type TaxReportJobView } from '@irp/contracts';
import { createEvent, ensureStream, RpcClient } from '@irp/messaging';
import { migrate } from '@irp/persistence';
import { bootstrapService, serviceOrmOptions } from '@irp/platform';
import { startServiceInProcess, type InProcessService } from '@irp/testing';
import { STREAMS } from '@irp/contracts';
import { TAX_SERVICE } from '../src/service';
import { eventTypeFor } from './factories/expense-event.factory';

export interface TaxUnderTest extends InProcessService<INestMicroservice> {
  rpc: RpcClient;
  /** Publishes the event that carries this state of an expense (as the expenses outbox would). */
  publish(expense: ExpenseSnapshot, options?: { deleted?: boolean; eventId?: string; dedupe?: boolean }): Promise<string>;
  /** Waits until the tax service has applied every event published so far. */
  settled(): Promise<void>;
  /** Queues a report and waits until it is ready. */
  report(userId: string, body: CreateTaxReportBody): Promise<TaxReportJobView>;
  file(userId: string, reportId: string, format: TaxReportFormat): Promise<Buffer>;
}

/** The tax service in this process on its own database and NATS server, with helpers to feed and read it. */
export async function startTax(env: NodeJS.ProcessEnv = {}): Promise<TaxUnderTest> {
  const service = await startServiceInProcess({
    migrate: (url) => migrate(serviceOrmOptions(TAX_SERVICE, { url }), 'up'),
    create: (serviceEnv) => bootstrapService(TAX_SERVICE, serviceEnv),
    env: { TAX_REPORT_POLL_SECONDS: '1', ...env },
  });
  await ensureStream(service.nc, STREAMS.EXPENSES);
  const rpc = new RpcClient(service.nc);
  const js = jetstream(service.nc);
  const objects = new Objm(service.nc);
  return {
    ...service,
    rpc,
    async publish(expense, options = {}) {
      const type = eventTypeFor(expense, options.deleted);
      const event = createEvent(type, expense.userId, (type === SUBJECTS.expenseUpdated ? { expense, changed: ['category'] } : { expense }) as never);
      if (options.eventId) event.id = options.eventId;
      // Without a message id JetStream keeps a repeat: the consumer's inbox must drop it.
      await js.publish(event.type, JSON.stringify(event), options.dedupe === false ? {} : { msgID: event.id });
      return event.id;
    },
    async settled() {
      const jsm = await jetstreamManager(service.nc);
      for (let attempt = 0; attempt < 200; attempt++) {
        const info = await jsm.consumers.info(STREAMS.EXPENSES.name, 'tax-expenses').catch(() => null);
        if (info && info.num_pending === 0 && info.num_ack_pending === 0) return;
        await sleep(50);
      }
      throw new Error('the tax service did not apply the events in time');
    },
    async report(userId, body) {
      const queued = await rpc.request(SUBJECTS.createTaxReport, { userId, ...body });
      for (let attempt = 0; attempt < 600; attempt++) {
        const job = await rpc.request(SUBJECTS.getTaxReport, { userId, reportId: queued.id });
        if (job.status === 'ready' || job.status === 'failed') return job;
        await sleep(50);
      }
      throw new Error('the report was not produced in time');
    },
    async file(userId, reportId, format) {
      const bucket = await objects.open(TAX_REPORTS_BUCKET);
      const bytes = await bucket.getBlob(`${userId}/${reportId}.${format}`);
      if (!bytes) throw new Error(`no ${format} file for report ${reportId}`);
      return Buffer.from(bytes);
    },
  };
}
