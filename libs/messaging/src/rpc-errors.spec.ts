import { DomainError, DtoValidationError, ErrorCode } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { toRpcErrorPayload } from './rpc-errors';

describe(toRpcErrorPayload.name, () => {
  const log = getLogger('test');

  it('passes domain errors through with their code', () => {
    expect(toRpcErrorPayload(new DomainError(ErrorCode.CONFLICT, 'taken'), log)).toEqual({ code: 'CONFLICT', message: 'taken' });
  });

  it('turns validation errors into VALIDATION with the fields', () => {
    const payload = toRpcErrorPayload(new DtoValidationError([{ field: 'email', messages: ['bad'] }]), log);
    expect(payload).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'email', messages: ['bad'] }] } });
  });

  it('tells the caller to retry when the transaction lost a deadlock or a serialization conflict', () => {
    for (const sqlState of ['40P01', '40001', '55P03']) {
      const asPgRaisesIt = Object.assign(new Error('deadlock detected'), { code: sqlState, severity: 'ERROR' });
      expect(toRpcErrorPayload(asPgRaisesIt, log)).toEqual({ code: 'CONFLICT', message: expect.stringContaining('retry') });
    }
    expect(toRpcErrorPayload(Object.assign(new Error('duplicate key'), { code: '23505' }), log).code).toBe('INTERNAL');
  });

  it('hides anything unexpected behind INTERNAL and an error id', () => {
    const payload = toRpcErrorPayload(new Error('relation "auth.user" does not exist at character 15'), log);
    expect(payload.code).toBe('INTERNAL');
    expect(JSON.stringify(payload)).not.toContain('relation');
    expect(payload.details?.errorId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
