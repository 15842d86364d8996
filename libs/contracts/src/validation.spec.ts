import fc from 'fast-check';
import { DtoValidationError, parseDto } from './validation';
import { RegisterRequest } from './auth/auth.dto';

describe(parseDto.name, () => {
  it('returns an instance of the DTO for a valid value', () => {
    const sut = parseDto(RegisterRequest, { email: 'a@example.com', password: 'long enough password' });
    expect(sut).toBeInstanceOf(RegisterRequest);
    expect(sut.email).toBe('a@example.com');
  });

  it('names every invalid and unknown field', () => {
    try {
      parseDto(RegisterRequest, { email: 'nope', password: 1, isAdmin: true });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(DtoValidationError);
      expect((error as DtoValidationError).fields.map((f) => f.field).sort()).toEqual(['email', 'isAdmin', 'password']);
    }
  });

  it.each([null, 'text', 42, [1, 2], undefined])('refuses %p as a body', (value) => {
    expect(() => parseDto(RegisterRequest, value)).toThrow(DtoValidationError);
  });

  it('never fails with anything but a validation error, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          parseDto(RegisterRequest, value);
        } catch (error) {
          if (!(error instanceof DtoValidationError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('requests without parameters', () => {
  it('accept an empty object', () => {
    class NoParameters {}
    expect(parseDto(NoParameters, {})).toBeInstanceOf(NoParameters);
  });
});
