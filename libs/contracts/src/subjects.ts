import { AUTH_CONTRACTS } from './auth/auth.contracts';
import { BUDGETS_CONTRACTS } from './budgets/budgets.contracts';
import { TAX_CONTRACTS } from './tax/tax.contracts';
import { MAIL_INGEST_CONTRACTS } from './mail-ingest/mail-ingest.contracts';
import { subjectsOf, type EventMapOf, type RpcMapOf } from './contract-kit';
import type { EventEnvelope } from './events';
import { EXPENSES_CONTRACTS } from './expenses/expenses.contracts';
import { GATEWAY_CONTRACTS } from './gateway/gateway.contracts';
import { OCR_CONTRACTS } from './ocr/ocr.contracts';

/** Every service's declarations, one line each (`npm run new:service` adds one); the rest is derived. */
export const SERVICE_CONTRACTS = [
  AUTH_CONTRACTS,
  EXPENSES_CONTRACTS,
  OCR_CONTRACTS,
  GATEWAY_CONTRACTS,
  BUDGETS_CONTRACTS,
  TAX_CONTRACTS,
  MAIL_INGEST_CONTRACTS,
] as const;
type DeclaredContracts = (typeof SERVICE_CONTRACTS)[number];

/** Every NATS subject of the platform by name. Services never spell a subject as a string literal. */
export const SUBJECTS = subjectsOf(SERVICE_CONTRACTS);

/** Request/reply subjects bound to their request and response types. */
export type RpcMap = RpcMapOf<DeclaredContracts>;

/** JetStream subjects bound to their payloads (the `data` of the envelope). */
export type EventMap = EventMapOf<DeclaredContracts>;

export type RpcSubject = keyof RpcMap;
export type EventSubject = keyof EventMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['req'];
export type RpcResponse<S extends RpcSubject> = RpcMap[S]['res'];
export type EventOf<S extends EventSubject> = EventEnvelope<EventMap[S]>;
