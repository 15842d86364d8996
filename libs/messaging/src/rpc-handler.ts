import { MessagePattern } from '@nestjs/microservices';
import { parseDto, RPC_CONTRACTS, type RpcRequest, type RpcResponse, type RpcSubject } from '@irp/contracts';

/** A handler of subject S: takes S's request, answers S's response. */
export type RpcHandlerOf<S extends RpcSubject> = (request: RpcRequest<S>) => Promise<RpcResponse<S>> | RpcResponse<S>;

/**
 * Serves one request/reply subject. The method only compiles when its parameter and return types
 * are the subject's (RpcMap); the payload is validated with the subject's request class from the
 * contracts before the method runs, so a handler never sees an unchecked request.
 */
export function Rpc<S extends RpcSubject>(subject: S) {
  const requestClass = RPC_CONTRACTS[subject].request;
  return (target: object, key: string | symbol, descriptor: { value?: RpcHandlerOf<S> }): void => {
    const handle = descriptor.value as RpcHandlerOf<S>;
    descriptor.value = function validated(this: unknown, payload: unknown) {
    return handle.call(this, parseDto(requestClass, payload ?? {}) as RpcRequest<S>);
    };
    MessagePattern(subject)(target, key, descriptor as PropertyDescriptor);
  };
}
