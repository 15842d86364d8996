import { defineContracts, event, rpc } from '../contract-kit';
import { STREAMS } from '../events';
import {
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
} from './auth.dto';

/** What the auth service serves and publishes on the bus. */
export const AUTH_CONTRACTS = defineContracts({
  service: 'auth',
  streams: [STREAMS.AUTH],
  rpc: {
    registerUser: rpc('auth.user.register.v1', RegisterRequest, UserView, 'Create an account'),
    getUser: rpc('auth.user.get.v1', GetUserRequest, UserView, 'A user by id'),
    issueTokens: rpc('auth.token.issue.v1', LoginRequest, TokenPair, 'Log in: e-mail and password for an access and a refresh token'),
    refreshTokens: rpc('auth.token.refresh.v1', RefreshRequest, TokenPair, 'Rotate a refresh token; reuse of a rotated one revokes its family'),
    revokeTokens: rpc('auth.token.revoke.v1', LogoutRequest, LogoutResult, 'Log out: revoke the family of a refresh token'),
    getJwks: rpc('auth.jwks.get.v1', GetJwksRequest, Jwks, 'Public keys verifying access tokens'),
  },
  events: {
    userRegistered: event('auth.events.user.registered.v1', STREAMS.AUTH, UserRegistered, 'A user registered'),
  },
});
