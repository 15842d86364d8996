import type { ContractClass, EventDeclaration, RpcDeclaration } from './contract-kit';
import { STREAMS, type StreamName } from './events';
import { SERVICE_CONTRACTS, type EventMap, type EventSubject, type RpcMap, type RpcSubject } from './subjects';


export interface RpcContract<S extends RpcSubject> {
  service: string;
  summary: string;
  request: ContractClass<RpcMap[S]['req']>;
  response: ContractClass<RpcMap[S]['res']>;
}

export interface EventContract<S extends EventSubject> {
  service: string;
  summary: string;
  stream: StreamName;
  payload: ContractClass<EventMap[S]>;
  /** The service whose outbox publishes it. */
  publisher: string;
}

function streamName(declaration: EventDeclaration): StreamName {
  return (Object.keys(STREAMS) as StreamName[]).find((name) => STREAMS[name].name === declaration.stream.name) as StreamName;
}

/**
 * The runtime side of RpcMap and EventMap, by subject, derived from the services' declarations:
 * validation, documentation (AsyncAPI, OpenAPI) and bus permissions read these.
 */
export const RPC_CONTRACTS = Object.fromEntries(
  SERVICE_CONTRACTS.flatMap(({ service, rpc }) =>
    Object.values<RpcDeclaration>(rpc).map(({ subject, summary, request, response }) => [subject, { service, summary, request, response }]),
  ),
) as { [S in RpcSubject]: RpcContract<S> };

export const EVENT_CONTRACTS = Object.fromEntries(
  SERVICE_CONTRACTS.flatMap(({ service, events }) =>
    Object.values<EventDeclaration>(events).map((declaration) => [
      declaration.subject,
      { service, summary: declaration.summary, stream: streamName(declaration), payload: declaration.payload, publisher: declaration.publishedBy ?? service },
    ]),
  ),
) as { [S in EventSubject]: EventContract<S> };

export function isEventSubject(subject: string): subject is EventSubject {
  return Object.hasOwn(EVENT_CONTRACTS, subject);
}

export { STREAMS };
