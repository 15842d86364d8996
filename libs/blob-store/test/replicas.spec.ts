import { jetstreamManager } from '@nats-io/jetstream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalNatsCluster } from '@irp/embedded-infra';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '@irp/messaging';
import { NatsObjectBlobStore } from '../src';

describe(`${NatsObjectBlobStore.name} on a 3-node cluster`, () => {
  let dir: string;
  let cluster: LocalNatsCluster;
  let nc: NatsConnection;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'irp-blob-replicas-'));
    cluster = await LocalNatsCluster.start({ dataDir: dir });
    nc = await connectNats({ url: cluster.url, name: 'blob-test', streamReplicas: 3 });
  }, 90_000);

  afterAll(async () => {
    await nc?.close();
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps its bucket at the replicas set for the connection (NATS_STREAM_REPLICAS)', async () => {
    await NatsObjectBlobStore.open(nc, 'replicated-documents');

    const info = await (await jetstreamManager(nc)).streams.info('OBJ_replicated-documents');
    expect(info.config.num_replicas).toBe(3);
  });
});
