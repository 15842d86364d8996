import { Controller } from '@nestjs/common';
import { GetUserRequest, RegisterRequest, SUBJECTS, type UserView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { toUserView, UsersService } from './users.service';

@Controller()
export class UsersHandler {
  constructor(private readonly users: UsersService) {}

  @Rpc(SUBJECTS.registerUser)
  async register(request: RegisterRequest): Promise<UserView> {
    return toUserView(await this.users.register(request.email, request.password));
  }

  @Rpc(SUBJECTS.getUser)
  async get(request: GetUserRequest): Promise<UserView> {
    return toUserView(await this.users.get(request.userId));
  }
}
