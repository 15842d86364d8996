import { OpenApiResponses } from './openapi-responses';

describe(OpenApiResponses.name, () => {
  const sut = new OpenApiResponses();
  const page = { items: [], nextCursor: null };

  it('accepts an answer the document describes', () => {
    expect(sut.errors('GET', '/api/v1/expenses', 200, 'application/json; charset=utf-8', page)).toEqual([]);
    expect(sut.errors('DELETE', '/api/v1/expenses/{id}', 204, null, undefined)).toEqual([]);
    expect(sut.errors('GET', '/api/v1/expenses/export.csv', 200, 'text/csv; charset=utf-8', undefined)).toEqual([]);
  });

  it('names what the document does not say', () => {
    expect(sut.errors('GET', '/api/v1/expenses', 200, 'application/json', { items: [] })).toEqual(["(body) must have required property 'nextCursor'"]);
    expect(sut.errors('GET', '/api/v1/expenses', 200, 'application/json', { ...page, nextCursor: 7 })).toEqual(['/nextCursor must be string,null']);
    expect(sut.errors('GET', '/api/v1/expenses', 418, 'application/json', page)).toEqual(['status 418 is not declared']);
    expect(sut.errors('GET', '/api/v1/expenses', 200, 'text/html', '<p>')).toEqual(['text/html is not declared']);
  });
});
