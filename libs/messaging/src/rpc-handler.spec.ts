import 'reflect-metadata';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { DtoValidationError, GetUserRequest, RegisterRequest, SUBJECTS, type TokenPair, type UserView } from '@irp/contracts';
import { Rpc } from './rpc-handler';

const user: UserView = { id: '7f1c4c8e-3f43-4a4e-9a55-0c1f1bb1a0d1', email: 'a@example.com', createdAt: '2026-01-01T00:00:00.000Z' };

class UsersHandler {
  received: unknown;

  @Rpc(SUBJECTS.registerUser)
  register(request: RegisterRequest): Promise<UserView> {
    this.received = request;
    return Promise.resolve(user);
  }
}

// These classes exist for the type checker: each decorator must be refused by `npm run typecheck`.
export class WrongRequestType {
  // @ts-expect-error the handler takes GetUserRequest, but auth.user.register.v1 carries RegisterRequest
  @Rpc(SUBJECTS.registerUser)
  register(request: GetUserRequest): Promise<UserView> {
    return Promise.resolve({ ...user, id: request.userId });
  }
}

export class WrongResponseType {
  // @ts-expect-error the handler answers TokenPair, but auth.user.get.v1 answers UserView
  @Rpc(SUBJECTS.getUser)
  get(_request: GetUserRequest): Promise<TokenPair> {
    return Promise.resolve({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 });
  }
}

describe(Rpc.name, () => {
  const sut = new UsersHandler();

  it('serves the subject as a Nest message pattern', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, UsersHandler.prototype.register)).toEqual([SUBJECTS.registerUser]);
  });

  it('hands the handler an instance of the contract class', async () => {
    await expect(sut.register({ email: 'a@example.com', password: 'a long password' } as RegisterRequest)).resolves.toEqual(user);
    expect(sut.received).toBeInstanceOf(RegisterRequest);
  });

  it('refuses a payload its contract class refuses, before the handler runs', () => {
    sut.received = undefined;
    expect(() => sut.register({ email: 'not an e-mail', extra: 1 } as unknown as RegisterRequest)).toThrow(DtoValidationError);
    expect(sut.received).toBeUndefined();
  });
});
