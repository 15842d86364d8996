import type { INestMicroservice } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { migrate, withRequestContext } from '@irp/persistence';
import { bootstrapService, serviceOrmOptions } from '@irp/platform';
import { startServiceInProcess, type InProcessService } from '@irp/testing';
import { Mailbox } from '../src/mailboxes/mailbox.entity';
import { MailboxRepository } from '../src/mailboxes/mailbox.repository';
import { MAIL_INGEST_SERVICE } from '../src/service';

describe('mailbox leases (several replicas, one mailbox)', () => {
  let service: InProcessService<INestMicroservice>;
  let orm: MikroORM;
  let mailboxes: MailboxRepository;

  beforeAll(async () => {
    service = await startServiceInProcess({
      migrate: (url) => migrate(serviceOrmOptions(MAIL_INGEST_SERVICE, { url }), 'up'),
      create: (env) => bootstrapService(MAIL_INGEST_SERVICE, env),
      // The service's own poller is off (no keys): this test plays the replicas.
      env: { SMTP_PORT: '0' },
    });
    orm = service.app.get(MikroORM);
    mailboxes = service.app.get(MailboxRepository);
  });

  afterAll(async () => {
    await service?.close();
  });

  const inContext = <T>(work: () => Promise<T>) => withRequestContext(orm, work);

  async function dueMailbox(): Promise<Mailbox> {
    const mailbox = Object.assign(new Mailbox(randomUUID()), { host: 'imap.example.com', port: 993, tls: true, username: 'u', passwordSealed: 'sealed' });
    await inContext(() => mailboxes.add(mailbox));
    return mailbox;
  }

  it('gives a due mailbox to one replica at a time, and to another once the lease is released or runs out', async () => {
    const mailbox = await dueMailbox();
    const [first, second] = await Promise.all([inContext(() => mailboxes.leaseDue('replica-a', 60)), inContext(() => mailboxes.leaseDue('replica-b', 60))]);
    expect([first, second].filter((id) => id === mailbox.id)).toHaveLength(1);
    const holder = first === mailbox.id ? 'replica-a' : 'replica-b';
    const other = holder === 'replica-a' ? 'replica-b' : 'replica-a';

    expect(await inContext(() => mailboxes.leaseDue(other, 60))).toBeNull();
    expect(await inContext(() => mailboxes.renewLease(mailbox.id, other, 60))).toBe(false);
    expect(await inContext(() => mailboxes.renewLease(mailbox.id, holder, 60))).toBe(true);

    await inContext(() => mailboxes.releaseLease(mailbox.id, holder));
    expect(await inContext(() => mailboxes.leaseDue(other, 1))).toBe(mailbox.id);
    // The holder died: its lease runs out and the mailbox is due again for someone else.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await inContext(() => mailboxes.leaseDue(holder, 60))).toBe(mailbox.id);
    expect(await inContext(() => mailboxes.renewLease(mailbox.id, other, 60))).toBe(false);
  });

  it('refuses to add a mailbox while no credential key is configured, saying so', async () => {
    const rpc = new RpcClient(service.nc);
    const request = { userId: randomUUID(), host: 'imap.example.com', port: 993, tls: true, username: 'u', password: 'p' };
    await expect(rpc.request(SUBJECTS.createMailbox, request)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('MAIL_CREDENTIAL_KEYS') as string });
  });
});
