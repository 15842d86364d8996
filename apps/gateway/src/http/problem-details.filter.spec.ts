import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { DomainError, DtoValidationError, ErrorCode } from '@irp/contracts';
import { ProblemDetailsFilter } from './problem-details.filter';

function capture(error: unknown) {
  const reply = { statusCode: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const fastifyReply = {
    status: (code: number) => ((reply.statusCode = code), fastifyReply),
    header: (name: string, value: string) => ((reply.headers[name] = value), fastifyReply),
    send: (body: unknown) => ((reply.body = body), fastifyReply),
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ url: '/api/v1/things?x=1', id: 'req-1' }), getResponse: () => fastifyReply }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return reply as { statusCode: number; headers: Record<string, string>; body: Record<string, unknown> };
}

describe(ProblemDetailsFilter.name, () => {
  it.each([
    [ErrorCode.VALIDATION, 400],
    [ErrorCode.NOT_FOUND, 404],
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.PRECONDITION_FAILED, 412],
    [ErrorCode.UNAUTHENTICATED, 401],
    [ErrorCode.FORBIDDEN, 403],
    [ErrorCode.RATE_LIMITED, 429],
    [ErrorCode.QUOTA_EXCEEDED, 413],
    [ErrorCode.UNAVAILABLE, 503],
    [ErrorCode.INTERNAL, 500],
  ])('answers %s with %i as problem+json', (code, status) => {
    const sut = capture(new DomainError(code, 'what happened'));
    expect(sut.statusCode).toBe(status);
    expect(sut.headers['content-type']).toContain('application/problem+json');
    expect(sut.body).toMatchObject({ status, code, detail: 'what happened', instance: '/api/v1/things', requestId: 'req-1' });
  });

  it('lists field errors of invalid requests', () => {
    const sut = capture(new DtoValidationError([{ field: 'amount', messages: ['must be a decimal string'] }]));
    expect(sut.statusCode).toBe(400);
    expect(sut.body.errors).toEqual([{ field: 'amount', messages: ['must be a decimal string'] }]);
  });

  it('asks for a bearer token on 401', () => {
    expect(capture(new DomainError(ErrorCode.UNAUTHENTICATED, 'no')).headers['www-authenticate']).toContain('Bearer');
  });

  it('maps HTTP errors and fastify errors by status', () => {
    expect(capture(new NotFoundException('Cannot GET /x')).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(capture(new HttpException('Too Many Requests', HttpStatus.TOO_MANY_REQUESTS)).body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(capture(tooLarge).body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'Request body is too large' });
  });

  it('hides unexpected errors behind a 500 with an error id', () => {
    const sut = capture(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(sut.statusCode).toBe(500);
    expect(JSON.stringify(sut.body)).not.toContain('secret');
    expect(sut.body.errorId).toEqual(expect.any(String));
  });
});
