import { IsBoolean, IsInt, IsString, Min } from 'class-validator';
import { ConfigError, EnvBoolean, loadEnv } from './load-env';

class ExampleEnv {
  @IsString()
  REQUIRED!: string;

  @IsInt()
  @Min(1)
  PORT: number = 3000;

  @EnvBoolean()
  @IsBoolean()
  FLAG: boolean = false;
}

describe(loadEnv.name, () => {
  it('converts values and keeps defaults for unset variables', () => {
    const sut = loadEnv(ExampleEnv, { REQUIRED: 'x', FLAG: 'true', UNRELATED: 'y' });
    expect(sut).toEqual({ REQUIRED: 'x', PORT: 3000, FLAG: true });
  });

  it('reads numbers and false booleans from strings', () => {
    expect(loadEnv(ExampleEnv, { REQUIRED: 'x', PORT: '8080', FLAG: 'false' })).toMatchObject({ PORT: 8080, FLAG: false });
  });

  it('treats empty values as unset', () => {
    expect(loadEnv(ExampleEnv, { REQUIRED: 'x', PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad or missing variable', () => {
    expect(() => loadEnv(ExampleEnv, { PORT: 'eighty', FLAG: 'maybe' })).toThrow(ConfigError);
    try {
      loadEnv(ExampleEnv, { PORT: 'eighty', FLAG: 'maybe' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('REQUIRED');
      expect(message).toContain('PORT');
      expect(message).toContain('FLAG');
    }
  });
});
