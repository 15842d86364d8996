import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { UserRepository } from './user.repository';
import { UsersHandler } from './users.handler';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersHandler],
  providers: [UsersService, UserRepository, PasswordHasher],
  exports: [UsersService],
})
export class UsersModule {}
