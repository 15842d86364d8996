import type {
  GetJwksRequest,
  GetUserRequest,
  Jwks,
  LoginRequest,
  LogoutRequest,
  LogoutResult,
  RefreshRequest,
  RegisterRequest,
  TokenPair,
  UserRegistered,
  UserView,
} from './auth/auth.dto';
import type { EventEnvelope } from './events';

/** Every NATS subject of the platform. Services never spell a subject as a string literal. */
export const SUBJECTS = {
  registerUser: 'auth.user.register.v1',
  getUser: 'auth.user.get.v1',
  issueTokens: 'auth.token.issue.v1',
  refreshTokens: 'auth.token.refresh.v1',
  revokeTokens: 'auth.token.revoke.v1',
  getJwks: 'auth.jwks.get.v1',

  userRegistered: 'auth.events.user.registered.v1',
} as const;

/** Request/reply subjects bound to their request and response types. */
export interface RpcMap {
  [SUBJECTS.registerUser]: { req: RegisterRequest; res: UserView };
  [SUBJECTS.getUser]: { req: GetUserRequest; res: UserView };
  [SUBJECTS.issueTokens]: { req: LoginRequest; res: TokenPair };
  [SUBJECTS.refreshTokens]: { req: RefreshRequest; res: TokenPair };
  [SUBJECTS.revokeTokens]: { req: LogoutRequest; res: LogoutResult };
  [SUBJECTS.getJwks]: { req: GetJwksRequest; res: Jwks };
}

/** JetStream event subjects bound to their payloads (the `data` of the envelope). */
export interface EventMap {
  [SUBJECTS.userRegistered]: UserRegistered;
}

export type RpcSubject = keyof RpcMap;
export type EventSubject = keyof EventMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['req'];
export type RpcResponse<S extends RpcSubject> = RpcMap[S]['res'];
export type EventOf<S extends EventSubject> = EventEnvelope<EventMap[S]>;
