import type { ExecutionContext, Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FxRatesController } from '../admin/fx-rates.controller';
import { ApiModule } from '../api.module';
import type { AccessTokenVerifier } from '../auth/access-token.verifier';
import { AuthController } from '../auth/auth.controller';
import { AuthGuard } from '../auth/auth.guard';
import { CallerResolver } from '../auth/caller-resolver';
import type { StreamTokens } from '../auth/stream-tokens';
import { CategoriesController } from '../categories/categories.controller';
import { DocumentsController } from '../documents/documents.controller';
import { StreamTokenController } from '../documents/stream-token.controller';
import { ExpensesController } from '../expenses/expenses.controller';
import { openApiDocumentOffline } from '../openapi-offline';
import { SettingsController } from '../settings/settings.controller';
import { AsyncApiController } from './asyncapi.controller';
import { operationId } from './openapi';

const CONTROLLERS = [AuthController, ExpensesController, CategoriesController, SettingsController, FxRatesController, DocumentsController, StreamTokenController, AsyncApiController];
// Feature modules' controllers (inbox/, ...) as ApiModule imports them.
CONTROLLERS.push(...((Reflect.getMetadata('imports', ApiModule) ?? []) as Type[]).flatMap((feature) => (Reflect.getMetadata('controllers', feature) ?? []) as typeof CONTROLLERS));

type Operation = { operationId: string; security?: unknown[]; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> };

const operations = (document: OpenAPIObject): Operation[] => Object.values(document.paths).flatMap((item) => Object.values(item as Record<string, Operation>));

/** Whether the real AuthGuard lets a request without a token through to this handler. */
async function guardLetsAnonymousIn(id: string): Promise<boolean> {
  for (const controller of CONTROLLERS) {
    const method = Object.getOwnPropertyNames(controller.prototype).find((name) => operationId(controller.name, name) === id);
    if (!method) continue;
    const context = {
      getHandler: () => (controller.prototype as unknown as Record<string, () => unknown>)[method],
      getClass: () => controller,
      switchToHttp: () => ({ getRequest: () => ({ headers: {} }) }),
    } as unknown as ExecutionContext;
    const reflector = new Reflector();
    const guard = new AuthGuard(reflector, new CallerResolver(reflector, {} as AccessTokenVerifier, {} as StreamTokens));
    return guard.canActivate(context).catch(() => false);
  }
  throw new Error(`no controller method for operation ${id}`);
}

describe('the OpenAPI document', () => {
  let sut: OpenAPIObject;

  beforeAll(async () => {
    sut = await openApiDocumentOffline();
  });

  it('matches the committed apps/gateway/openapi.json (run `npm run sdk` after changing the API)', () => {
    const committed: unknown = JSON.parse(readFileSync(path.join(__dirname, '../../openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(sut))).toEqual(committed);
  });

  it('resolves every $ref', () => {
    const refs = [...JSON.stringify(sut).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((match) => match[1]);
    const missing = refs.filter((ref) => ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], sut) === undefined);
    expect(missing).toEqual([]);
  });

  it('marks exactly the routes the auth guard lets in without a token as public (security: [])', async () => {
    for (const operation of operations(sut)) {
      const isPublic = operation.security?.length === 0;
      expect({ operation: operation.operationId, public: isPublic }).toEqual({ operation: operation.operationId, public: await guardLetsAnonymousIn(operation.operationId) });
    }
  });

  it('declares 429 with Retry-After, and the RateLimit headers, on every operation', () => {
    for (const operation of operations(sut)) {
      expect(operation.responses['429']?.headers).toHaveProperty('Retry-After');
      for (const response of Object.values(operation.responses)) expect(Object.keys(response.headers ?? {})).toEqual(expect.arrayContaining(['RateLimit', 'RateLimit-Policy']));
    }
  });
});
