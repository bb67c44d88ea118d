import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response, Request } from 'express';
import { DomainException, PROBLEM_CONTENT_TYPE, ProblemDetails } from '@dsaas/model';
import { problem } from './problem';

/** Maps every error of an HTTP API to one application/problem+json shape. Never a 500 for bad input. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.toProblem(exception);
    body.instance = request.originalUrl?.split('?')[0];
    if (!(exception instanceof DomainException || exception instanceof HttpException) && body.status >= 500) {
      this.logger.error({ err: exception, path: body.instance }, 'unhandled error');
    } else if (body.status >= 500) {
      this.logger.warn({ path: body.instance, code: body.code, detail: body.detail }, 'answered with a server-side status');
    }
    if (response.headersSent) return;
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainException) {
      return problem(exception.status, exception.message, exception.code, exception.extensions);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Record<string, unknown>;
        if (typeof r.code === 'string' && typeof r.type === 'string') return { ...(r as ProblemDetails), status };
        const message = r.message;
        if (Array.isArray(message)) {
          return problem(status, 'The request is invalid', status === 400 ? 'validation_failed' : undefined, { errors: message });
        }
        return problem(status, typeof message === 'string' ? message : exception.message);
      }
      return problem(status, String(response));
    }
    const bodyParserStatus = (exception as { status?: number; type?: string })?.status;
    if (typeof bodyParserStatus === 'number' && bodyParserStatus >= 400 && bodyParserStatus < 500) {
      return bodyParserProblem(exception as { status: number; type?: string; message?: string });
    }
    return problem(500, 'An unexpected error occurred');
  }
}

/** body-parser errors (malformed JSON, too large, bad charset) as problems. */
export function bodyParserProblem(error: { status: number; type?: string; message?: string }): ProblemDetails {
  switch (error.type) {
    case 'entity.parse.failed':
      return problem(400, 'The request body is not valid JSON', 'malformed_body');
    case 'entity.too.large':
      return problem(413, 'The request body is too large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return problem(415, error.message);
    default:
      return problem(error.status, error.message);
  }
}
