import 'reflect-metadata'; // design:type drives the conversion of variables to numbers
import { plainToInstance, Transform } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from '@irp/contracts';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type EnvClass<T> = new () => T;

/**
 * Reads the environment once into a validated, typed object. Properties are named as the
 * variables; defaults are the class's initial values; undecorated variables are dropped. A bad or
 * missing value throws a ConfigError naming every offending variable.
 */
export function loadEnv<T extends object>(cls: EnvClass<T>, env: NodeJS.ProcessEnv): T {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const instance = plainToInstance(cls, set, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(toFieldErrors(errors).map(({ field, messages }) => `${field}: ${messages.join('; ')}`));
  }
  return instance;
}

/** "true"/"1"/"yes" → true, "false"/"0"/"no" → false; anything else stays a string and fails @IsBoolean. */
export function EnvBoolean(): PropertyDecorator {
  // Reads the raw variable: implicit conversion has already turned "false" into true by then.
  return Transform(({ obj, key }) => {
    const value: unknown = (obj as Record<string, unknown>)[key];
    if (typeof value !== 'string') return value;
    const normalised = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(normalised)) return true;
    if (['false', '0', 'no'].includes(normalised)) return false;
    return value;
  });
}
