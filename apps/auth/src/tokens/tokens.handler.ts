import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetJwksRequest, LoginRequest, LogoutRequest, RefreshRequest, SUBJECTS, type Jwks, type TokenPair } from '@irp/contracts';
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

  @MessagePattern(SUBJECTS.issueTokens)
  async login(@Payload() request: LoginRequest): Promise<TokenPair> {
    const user = await this.users.authenticate(request.email, request.password);
    return this.tokens.issue(user);
  }

  @MessagePattern(SUBJECTS.refreshTokens)
  refresh(@Payload() request: RefreshRequest): Promise<TokenPair> {
    return this.tokens.refresh(request.refreshToken);
  }

  @MessagePattern(SUBJECTS.revokeTokens)
  async logout(@Payload() request: LogoutRequest): Promise<{ revoked: boolean }> {
    return { revoked: await this.tokens.revoke(request.refreshToken) };
  }

  @MessagePattern(SUBJECTS.getJwks)
  jwks(@Payload() _request: GetJwksRequest): Jwks {
    return this.keys.jwks;
  }
}
