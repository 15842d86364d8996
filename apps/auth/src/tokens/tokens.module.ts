import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { UsersModule } from '../users/users.module';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SigningKeys } from './signing-keys';
import { TokensHandler } from './tokens.handler';
import { TokensService } from './tokens.service';

@Module({
  imports: [JwtModule.register({}), UsersModule],
  controllers: [TokensHandler],
  providers: [TokensService, RefreshTokenRepository, SigningKeys],
})
export class TokensModule {}
