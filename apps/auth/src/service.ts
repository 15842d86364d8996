import { AUTH_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { AUTH_CONFIG, loadAuthConfig } from './config/env';
import { AUTH_MIGRATIONS } from './migrations';
import { RefreshToken } from './tokens/refresh-token.entity';
import { TokensModule } from './tokens/tokens.module';
import { User } from './users/user.entity';
import { UsersModule } from './users/users.module';

/** The auth service: users (argon2id), access tokens (RS256), rotating refresh tokens, JWKS. */
export const AUTH_SERVICE = defineService({
  name: 'auth',
  schema: 'auth',
  loadConfig: loadAuthConfig,
  configToken: AUTH_CONFIG,
  entities: [User, RefreshToken],
  migrations: AUTH_MIGRATIONS,
  streams: AUTH_CONTRACTS.streams,
  features: [UsersModule, TokensModule],
});
