import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetUserRequest, RegisterRequest, SUBJECTS, type UserView } from '@irp/contracts';
import { toUserView, UsersService } from './users.service';

@Controller()
export class UsersHandler {
  constructor(private readonly users: UsersService) {}

  @MessagePattern(SUBJECTS.registerUser)
  async register(@Payload() request: RegisterRequest): Promise<UserView> {
    return toUserView(await this.users.register(request.email, request.password));
  }

  @MessagePattern(SUBJECTS.getUser)
  async get(@Payload() request: GetUserRequest): Promise<UserView> {
    return toUserView(await this.users.get(request.userId));
  }
}
