import { Readable } from 'node:stream';
import fc from 'fast-check';
import { DtoValidationError, parseDto } from './validation';
import { MAX_INPUT_DEPTH } from './safe-input';
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

  it.each([null, 'text', 42, [1, 2], undefined, new Date(), Readable.from(['bytes'])])('refuses %p as a body', (value) => {
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

describe('input PostgreSQL could not store, or class-transformer could not walk', () => {
  const fieldsOf = (value: unknown) => {
    try {
      parseDto(RegisterRequest, value);
    } catch (error) {
      if (error instanceof DtoValidationError) return error.fields;
      throw error;
    }
    throw new Error('expected a validation error');
  };

  it('names the field holding a NUL character', () => {
    expect(fieldsOf({ email: 'a@example.com', password: 'long enough\u0000password' })).toEqual([
      { field: 'password', messages: ['password must not contain the NUL character (\\u0000)'] },
    ]);
  });

  it.each(['\ud800', 'x\udc00y', 'ok \ud83d'])('names the field holding an unpaired surrogate (%j)', (text) => {
    expect(fieldsOf({ email: 'a@example.com', password: `long enough password ${text}` })[0]).toMatchObject({ field: 'password' });
  });

  it('looks into nested values and property names', () => {
    expect(fieldsOf({ email: 'a@example.com', password: 'long enough password', extra: [{ note: 'a\u0000' }] })[0].field).toBe('extra.0.note');
    expect(fieldsOf({ email: 'a@example.com', password: 'long enough password', ['k\u0000']: 1 })[0].messages[0]).toMatch(/property name/);
  });

  it('accepts right-to-left marks, emoji and other well-formed text', () => {
    expect(parseDto(RegisterRequest, { email: 'a@example.com', password: '\u200f\u202eשלום 😀 long enough' }).password).toContain('😀');
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels without overflowing the stack`, () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(fieldsOf({ email: 'a@example.com', password: 'long enough password', deep })[0].messages).toEqual([`nested deeper than ${MAX_INPUT_DEPTH} levels`]);
  });
});

describe('objects without Object.prototype', () => {
  it('accepts them as query-string parsers make them', () => {
    const fromQueryString = Object.assign(Object.create(Object.create(null) as object) as object, { email: 'a@example.com', password: 'long enough password' });
    expect(parseDto(RegisterRequest, fromQueryString).email).toBe('a@example.com');
    expect(parseDto(RegisterRequest, Object.assign(Object.create(null) as object, { email: 'a@example.com', password: 'long enough password' }))).toBeInstanceOf(RegisterRequest);
  });
});

describe('requests without parameters', () => {
  it('accept an empty object', () => {
    class NoParameters {}
    expect(parseDto(NoParameters, {})).toBeInstanceOf(NoParameters);
  });
});
