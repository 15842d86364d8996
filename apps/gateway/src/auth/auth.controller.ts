import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Jwks, LoginRequest, LogoutRequest, RefreshRequest, RegisterRequest, SUBJECTS, TokenPair, UserView } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { problemResponses, schemaRef } from '../http/openapi';
import { RateLimitBudget } from '../rate-limit/rate-limit.decorator';
import { CurrentCaller, Public, type Caller } from './auth.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('register')
  @Public()
  @RateLimitBudget('auth')
  @ApiOperation({ summary: 'Create an account' })
  @ApiBody({ schema: schemaRef(RegisterRequest) })
  @ApiResponse({ status: 201, schema: schemaRef(UserView) })
  @problemResponses(400, 409, 429)
  register(@Body() body: RegisterRequest): Promise<UserView> {
    return this.rpc.request(SUBJECTS.registerUser, body);
  }

  @Post('login')
  @Public()
  @RateLimitBudget('auth')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange e-mail and password for an access and a refresh token' })
  @ApiBody({ schema: schemaRef(LoginRequest) })
  @ApiResponse({ status: 200, schema: schemaRef(TokenPair) })
  @problemResponses(400, 401, 429)
  login(@Body() body: LoginRequest): Promise<TokenPair> {
    return this.rpc.request(SUBJECTS.issueTokens, body);
  }

  @Post('refresh')
  @Public()
  @RateLimitBudget('auth')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old refresh token stops working' })
  @ApiBody({ schema: schemaRef(RefreshRequest) })
  @ApiResponse({ status: 200, schema: schemaRef(TokenPair) })
  @problemResponses(400, 401, 429)
  refresh(@Body() body: RefreshRequest): Promise<TokenPair> {
    return this.rpc.request(SUBJECTS.refreshTokens, body);
  }

  @Post('logout')
  @Public()
  @RateLimitBudget('auth')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session of a refresh token (its whole family of tokens)' })
  @ApiBody({ schema: schemaRef(LogoutRequest) })
  @ApiResponse({ status: 204 })
  @problemResponses(400, 429)
  async logout(@Body() body: LogoutRequest): Promise<void> {
    await this.rpc.request(SUBJECTS.revokeTokens, body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The account of the access token' })
  @ApiResponse({ status: 200, schema: schemaRef(UserView) })
  @problemResponses(401)
  me(@CurrentCaller() caller: Caller): Promise<UserView> {
    return this.rpc.request(SUBJECTS.getUser, { userId: caller.userId });
  }

  @Get('jwks')
  @Public()
  @ApiOperation({ summary: 'Public keys that verify access tokens (JWKS, RFC 7517)' })
  @ApiResponse({ status: 200, schema: schemaRef(Jwks) })
  jwks(): Promise<Jwks> {
    return this.rpc.request(SUBJECTS.getJwks, {});
  }
}
