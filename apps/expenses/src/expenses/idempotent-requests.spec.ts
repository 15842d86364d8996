import { requestHash } from './idempotent-requests';

describe(requestHash.name, () => {
  it('hashes the same body the same whatever its key order, at every level', () => {
    expect(requestHash({ vendor: 'A', taxLines: [{ rate: '6', amount: '1.00' }] })).toBe(requestHash({ taxLines: [{ amount: '1.00', rate: '6' }], vendor: 'A' }));
  });

  it('treats a missing field and an undefined one alike', () => {
    expect(requestHash({ vendor: 'A', notes: undefined })).toBe(requestHash({ vendor: 'A' }));
  });

  it('tells different bodies apart', () => {
    expect(requestHash({ vendor: 'A', amount: '1.00' })).not.toBe(requestHash({ vendor: 'A', amount: '1.01' }));
  });
});
