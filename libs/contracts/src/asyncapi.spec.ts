import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAsyncApiDocument } from './asyncapi';
import { SUBJECTS } from './subjects';

describe(buildAsyncApiDocument.name, () => {
  const sut = buildAsyncApiDocument() as {
    asyncapi: string;
    channels: Record<string, { address: string }>;
    components: { schemas: Record<string, unknown> };
  };

  it('is AsyncAPI 3 with a channel for every subject of libs/contracts', () => {
    expect(sut.asyncapi).toBe('3.0.0');
    expect(Object.values(sut.channels).map((c) => c.address).sort()).toEqual(Object.values(SUBJECTS).sort());
  });

  it('describes every payload with a schema, nested DTOs included', () => {
    for (const name of ['RegisterRequest', 'CreateExpenseRequest', 'CreateExpenseBody', 'TaxLineBody', 'ExpenseSnapshot', 'ExpenseCreated', 'UserRegistered', 'RpcError']) {
      expect(sut.components.schemas).toHaveProperty(name);
    }
  });

  it('matches the committed libs/contracts/asyncapi.json (run `npm run asyncapi` after changing contracts)', () => {
    const committed: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', 'asyncapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(sut))).toEqual(committed);
  });

  it('is valid AsyncAPI: the official parser reports no errors (every $ref resolves)', async () => {
    const diagnostics = await new Parser().validate(JSON.stringify(sut));
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0).map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
