import { Injectable } from '@nestjs/common';
import { SUBJECTS, type UserView } from '@irp/contracts';
import { Outbox } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import { UnitOfWork } from '@irp/persistence';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { UserRepository } from './user.repository';
import { UsersErrors } from './users.errors';

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() };
}

@Injectable()
export class UsersService {
  private readonly log = getLogger(UsersService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
  ) {}

  async register(email: string, password: string): Promise<User> {
    if (await this.users.findByEmail(email)) throw UsersErrors.emailTaken();
    const user = new User(email, await this.hasher.hash(password));
    await this.unitOfWork.run(async () => {
      await this.users.add(user);
      this.outbox.record(SUBJECTS.userRegistered, user.id, { userId: user.id, email: user.email });
    });
    this.log.info({ userId: user.id }, 'user registered');
    return user;
  }

  async get(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw UsersErrors.notFound();
    return user;
  }

  async authenticate(email: string, password: string): Promise<User> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      await this.hasher.verifyNothing(password);
      throw UsersErrors.invalidCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw UsersErrors.invalidCredentials();
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.updatePasswordHash(user, await this.hasher.hash(password));
    }
    return user;
  }
}
