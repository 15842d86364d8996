import { Controller } from '@nestjs/common';
import { GetJwksRequest, LoginRequest, LogoutRequest, RefreshRequest, SUBJECTS, type Jwks, type TokenPair } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { UsersService } from '../users/users.service';
import { SigningKeys } from './signing-keys';
import { TokensService } from './tokens.service';

@Controller()
export class TokensHandler {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly keys: SigningKeys,
  ) {}

  @Rpc(SUBJECTS.issueTokens)
  async login(request: LoginRequest): Promise<TokenPair> {
    const user = await this.users.authenticate(request.email, request.password);
    return this.tokens.issue(user);
  }

  @Rpc(SUBJECTS.refreshTokens)
  refresh(request: RefreshRequest): Promise<TokenPair> {
    return this.tokens.refresh(request.refreshToken);
  }

  @Rpc(SUBJECTS.revokeTokens)
  async logout(request: LogoutRequest): Promise<{ revoked: boolean }> {
    return { revoked: await this.tokens.revoke(request.refreshToken) };
  }

  @Rpc(SUBJECTS.getJwks)
  jwks(_request: GetJwksRequest): Jwks {
    return this.keys.jwks;
  }
}
