import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, type FieldError } from '@irp/contracts';
import { toRpcErrorPayload } from '@irp/messaging';
import { getLogger } from '@irp/observability';

/** HTTP status of each error code. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PRECONDITION_FAILED: HttpStatus.PRECONDITION_FAILED,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  QUOTA_EXCEEDED: HttpStatus.PAYLOAD_TOO_LARGE,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
};

const TITLE: Record<ErrorCode, string> = {
  VALIDATION: 'Invalid request',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  PRECONDITION_FAILED: 'Precondition failed',
  UNAUTHENTICATED: 'Unauthenticated',
  FORBIDDEN: 'Forbidden',
  RATE_LIMITED: 'Too many requests',
  QUOTA_EXCEEDED: 'Storage quota exceeded',
  UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal error',
};

/** An RFC 9457 problem document, plus our stable `code` and the request id. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
  errorId?: string;
}

/**
 * Every error leaves the gateway as application/problem+json: domain and remote errors by their
 * code, HTTP errors (unknown route, body too large, bad JSON) by their status, anything else as a
 * 500 with an error id that is logged — never a stack trace.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly log = getLogger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(error, request);
    if (problem.status === HttpStatus.UNAUTHORIZED) reply.header('www-authenticate', 'Bearer error="invalid_token"');
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(error: unknown, request: FastifyRequest): Problem {
    const base = { instance: request.url.split('?')[0], requestId: String(request.id) };
    if (error instanceof HttpException) return { ...base, ...fromHttpException(error) };
    const status = httpStatusOf(error);
    if (status !== undefined) {
      const code = codeForStatus(status);
      return { ...base, type: problemType(code), title: HTTP_ONLY[status]?.title ?? 'Invalid request', status, detail: (error as Error).message, code };
    }
    const payload = toRpcErrorPayload(error, this.log.child({ requestId: base.requestId }));
    return {
      ...base,
      type: problemType(payload.code),
      title: TITLE[payload.code],
      status: STATUS[payload.code],
      detail: payload.message,
      code: payload.code,
      ...(payload.details?.fields && { errors: payload.details.fields }),
      ...(payload.details?.errorId && { errorId: payload.details.errorId }),
    };
  }
}

function problemType(code: string): string {
  return `https://docs.irp.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

/** Fastify's own errors (body too large, unsupported media type, bad JSON) carry a 4xx statusCode. */
function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Statuses only the HTTP layer produces (uploads), with their codes and titles. */
const HTTP_ONLY: Record<number, { code: string; title: string }> = {
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported media type' },
  422: { code: 'UNPROCESSABLE', title: 'Unprocessable content' },
};

/** An HTTP-layer status by its own code first: a 413 there is a body too large, not a full quota. */
function codeForStatus(status: number): string {
  const code = (Object.keys(STATUS) as ErrorCode[]).find((key) => STATUS[key] === status);
  return HTTP_ONLY[status]?.code ?? code ?? `HTTP_${status}`;
}

function fromHttpException(error: HttpException): Omit<Problem, 'instance' | 'requestId'> {
  const status = error.getStatus();
  const response = error.getResponse();
  const detail = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
  const code = codeForStatus(status);
  return { type: problemType(code), title: TITLE[code as ErrorCode] ?? HTTP_ONLY[status]?.title ?? error.name, status, detail, code };
}
