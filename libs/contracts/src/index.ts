import 'reflect-metadata'; // class-transformer's @Type reads design metadata when the DTOs are declared
export * from './auth/auth.dto';
export * from './errors';
export * from './events';
export * from './expenses/category.dto';
export * from './expenses/expense.dto';
export * from './expenses/expense.events';
export * from './expenses/fx.dto';
export * from './expenses/settings.dto';
export * from './subjects';
export * from './validation';
export * from './validators';
export * from './user-scoped';
export * from './registry';
export { buildAsyncApiDocument } from './asyncapi';
export { dtoJsonSchemas } from './json-schemas';
export * from './documents/extraction.dto';
export * from './documents/document.dto';
