import type { ServiceContracts } from '../contract-kit';
import { DEAD_LETTER_STREAM_NAME } from '../events';

/** What one service may publish and subscribe to on NATS. */
export interface BusPermissions {
  publish: string[];
  subscribe: string[];
}

/** Each service's request inboxes live under its own prefix, so no one else can read its replies. */
export function inboxPrefixOf(service: string): string {
  return `_INBOX_${service.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

// JetStream's API subjects (https://docs.nats.io/reference/reference-protocols/nats_api_reference).
const streamApi = (stream: string) => ['INFO', 'CREATE', 'UPDATE'].map((verb) => `$JS.API.STREAM.${verb}.${stream}`);
/** A stream it only consumes: it may create it when it starts first, never reconfigure it. */
const consumedStreamApi = (stream: string) => ['INFO', 'CREATE'].map((verb) => `$JS.API.STREAM.${verb}.${stream}`);
const consumerApi = (stream: string, durable: string) => [
  `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
  `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
  `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
  `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
  `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
  `$JS.ACK.${stream}.${durable}.>`,
];
/** A bucket's stream, read by direct get and by ephemeral ordered consumers (chunks, watchers). */
const bucketApi = (stream: string) => [
  ...streamApi(stream),
  `$JS.API.STREAM.PURGE.${stream}`,
  `$JS.API.STREAM.MSG.GET.${stream}`,
  `$JS.API.DIRECT.GET.${stream}`,
  `$JS.API.DIRECT.GET.${stream}.>`,
  `$JS.API.CONSUMER.CREATE.${stream}`,
  `$JS.API.CONSUMER.CREATE.${stream}.>`,
  `$JS.API.CONSUMER.INFO.${stream}.>`,
  `$JS.API.CONSUMER.DELETE.${stream}.>`,
  `$JS.FC.${stream}.>`,
];

/**
 * A service's permissions, derived from the declarations of every service: it serves its own RPC
 * subjects (replies through allow_responses), publishes its events and the jobs it queues, calls
 * what it declares, runs its declared consumers, uses its declared buckets and core subjects, and
 * reads its replies under its own inbox prefix. Nothing else.
 */
export function busPermissions(service: string, all: readonly ServiceContracts[]): BusPermissions {
  const own = all.find((contracts) => contracts.service === service);
  if (!own) throw new Error(`no contracts declare the service "${service}"`);
  const uses = own.uses ?? {};
  const events = all.flatMap((contracts) => Object.values(contracts.events).filter((event) => (event.publishedBy ?? contracts.service) === service));
  const consumers = Object.entries(uses.consumers ?? {});
  // Streams it publishes to it configures; those it only consumes (and the dead letters) it may create when it starts first.
  const published = new Set([...own.streams, ...events.map((event) => event.stream)].map((stream) => stream.name));
  const consumed = new Set(consumers.map(([, consumer]) => consumer.stream.name).filter((name) => !published.has(name)));
  if (consumers.length > 0) consumed.add(DEAD_LETTER_STREAM_NAME);

  const publish = [
    '$JS.API.INFO',
    ...events.map((event) => event.subject),
    ...[...published].flatMap(streamApi),
    ...[...consumed].flatMap(consumedStreamApi),
    ...consumers.flatMap(([durable, { stream }]) => [...consumerApi(stream.name, durable), `dlq.${stream.name}.${durable}`]),
    ...(uses.calls ?? []),
    ...(uses.objectBuckets ?? []).flatMap((bucket) => [...bucketApi(`OBJ_${bucket}`), `$O.${bucket}.>`]),
    ...(uses.kvBuckets ?? []).flatMap((bucket) => [...bucketApi(`KV_${bucket}`), `$KV.${bucket}.>`]),
    ...(uses.publishes ?? []),
  ];
  const subscribe = [...Object.values(own.rpc).map((declaration) => declaration.subject), `${inboxPrefixOf(service)}.>`, ...(uses.subscribes ?? [])];
  return { publish: [...new Set(publish)], subscribe: [...new Set(subscribe)] };
}
