import 'reflect-metadata'; // DTO classes declared by the contracts read design metadata (class-transformer's @Type)
import type { StreamDefinition } from './events';

/** A DTO class: validated with class-validator, documented with its JSON Schema. */
export type ContractClass<T> = new () => T;

/** A request/reply subject served by its owning service's queue group. */
export interface RpcDeclaration<S extends string = string, Req extends object = object, Res extends object = object> {
  subject: S;
  summary: string;
  request: ContractClass<Req>;
  response: ContractClass<Res>;
}

/** A JetStream subject: a domain event, or a job on a work-queue stream. */
export interface EventDeclaration<S extends string = string, P extends object = object> {
  subject: S;
  summary: string;
  stream: StreamDefinition;
  payload: ContractClass<P>;
  /** The service that publishes it, when not the owner (a job queued by its requester). */
  publishedBy?: string;
}

/** A durable JetStream consumer a service runs on another service's stream. */
export interface ConsumerDeclaration {
  stream: StreamDefinition;
  /** The subjects it takes from the stream (one filter: nats-server 2.9 knows no more). */
  filter: string;
}

/**
 * What a service uses of the bus beyond its own subjects. Its NATS permissions are derived from
 * this and its declarations: it may use nothing else.
 */
export interface BusUses {
  /** RPC subjects of other services it calls. */
  calls?: readonly string[];
  /** Its durable consumers by durable name (also its inbox key: keep names stable). */
  consumers?: Readonly<Record<string, ConsumerDeclaration>>;
  /** Object Store buckets it reads and writes. */
  objectBuckets?: readonly string[];
  /** Key-value buckets it reads and writes. */
  kvBuckets?: readonly string[];
  /** Core NATS subjects (ephemeral, no JetStream) it publishes and subscribes to. */
  publishes?: readonly string[];
  subscribes?: readonly string[];
}

/** Everything one service puts on the bus, declared once: its subjects bound to their classes. */
export interface ServiceContracts {
  service: string;
  /** The streams its outbox publishes to (its events, and work queues it feeds); it creates them. */
  streams: readonly StreamDefinition[];
  rpc: Record<string, RpcDeclaration>;
  events: Record<string, EventDeclaration>;
  uses?: BusUses;
}

export function rpc<const S extends string, Req extends object, Res extends object>(
  subject: S,
  request: ContractClass<Req>,
  response: ContractClass<Res>,
  summary: string,
): RpcDeclaration<S, Req, Res> {
  return { subject, request, response, summary };
}

export function event<const S extends string, P extends object>(
  subject: S,
  stream: StreamDefinition,
  payload: ContractClass<P>,
  summary: string,
  options: { publishedBy?: string } = {},
): EventDeclaration<S, P> {
  return { subject, stream, payload, summary, ...options };
}

/** Identity with a checked shape: a service's declarations keep their literal subject types. */
export function defineContracts<const C extends ServiceContracts>(contracts: C): C {
  return contracts;
}

type RequestOf<D> = D extends RpcDeclaration<string, infer Req, object> ? Req : never;
type ResponseOf<D> = D extends RpcDeclaration<string, object, infer Res> ? Res : never;
type PayloadOf<D> = D extends EventDeclaration<string, infer P> ? P : never;

// Distributive over a union of services (keyof a union would keep only their common names).
type RpcDeclarationsOf<C> = C extends ServiceContracts ? C['rpc'][keyof C['rpc']] : never;
type EventDeclarationsOf<C> = C extends ServiceContracts ? C['events'][keyof C['events']] : never;

/** `{ [subject]: { req, res } }` of the RPC declarations of some services. */
export type RpcMapOf<C extends ServiceContracts> = {
  [D in RpcDeclarationsOf<C> as D['subject']]: { req: RequestOf<D>; res: ResponseOf<D> };
};

/** `{ [subject]: payload }` of the event declarations of some services. */
export type EventMapOf<C extends ServiceContracts> = {
  [D in EventDeclarationsOf<C> as D['subject']]: PayloadOf<D>;
};

/** `{ [name]: subject }` of one service's declarations. */
export type SubjectsOf<C extends ServiceContracts> = { [K in keyof C['rpc']]: C['rpc'][K]['subject'] } & {
  [K in keyof C['events']]: C['events'][K]['subject'];
};

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;
type EachSubjectsOf<C> = C extends ServiceContracts ? SubjectsOf<C> : never;

/** `{ [name]: subject }` of every declaration of the given services, in one object. */
export function subjectsOf<const L extends readonly ServiceContracts[]>(services: L): UnionToIntersection<EachSubjectsOf<L[number]>> {
  const entries = services.flatMap(({ rpc, events }) => [...Object.entries(rpc), ...Object.entries(events)]).map(([name, declaration]) => [name, declaration.subject]);
  return Object.fromEntries(entries) as UnionToIntersection<EachSubjectsOf<L[number]>>;
}
