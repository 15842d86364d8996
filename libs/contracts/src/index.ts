export * from './auth/auth.dto';
export * from './errors';
export * from './events';
export * from './subjects';
export * from './validation';
