import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainException } from '@dsaas/model';
import { bodyParserProblem } from '@dsaas/server';
import { DSP_CONTEXT_URL } from '@dsaas/protocol-dsp';

type DspErrorType = 'CatalogError' | 'ContractNegotiationError' | 'TransferError';

/** Process ids to put into an error body (an exception may know them better than the request). */
export interface DspErrorPids {
  providerPid?: string;
  consumerPid?: string;
}

function errorTypeOf(path: string): DspErrorType {
  if (/\/negotiations(\/|$)/.test(path)) return 'ContractNegotiationError';
  if (/\/transfers(\/|$)/.test(path)) return 'TransferError';
  return 'CatalogError';
}

/**
 * DSP endpoints answer errors with the protocol's error message (CatalogError, ContractNegotiationError,
 * TransferError: `code` + `reason[]`), not problem+json, so DSP clients and test kits can read them.
 */
@Catch()
export class DspErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('DspError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    this.answer(exception, host.switchToHttp().getRequest<Request>(), host.switchToHttp().getResponse<Response>());
  }

  /** Writes the error message for a failed DSP request; also used for bodies refused before routing. */
  answer(exception: unknown, request: Request, response: Response): void {
    const path = request.originalUrl?.split('?')[0] ?? '';
    const { status, code, reasons } = this.describe(exception, path);
    const type = errorTypeOf(path);
    const body: Record<string, unknown> = { '@context': [DSP_CONTEXT_URL], '@type': type };
    if (type !== 'CatalogError') {
      const known = ((exception as { pids?: DspErrorPids })?.pids ?? {}) as DspErrorPids;
      const message = (request.body ?? {}) as Record<string, unknown>;
      const pathPid = typeof request.params?.pid === 'string' ? request.params.pid : undefined;
      body.providerPid = known.providerPid ?? (typeof message.providerPid === 'string' ? message.providerPid : pathPid) ?? '';
      body.consumerPid = known.consumerPid ?? (typeof message.consumerPid === 'string' ? message.consumerPid : '') ?? '';
    }
    body.code = code;
    body.reason = reasons;
    if (response.headersSent) return;
    response.status(status).json(body);
  }

  private describe(exception: unknown, path: string): { status: number; code: string; reasons: string[] } {
    if (exception instanceof DomainException) {
      const errors = Array.isArray(exception.extensions.errors) ? (exception.extensions.errors as unknown[]).map(String) : [];
      if (exception.status >= 500) this.logger.warn({ path, code: exception.code, detail: exception.message }, 'DSP request failed on our side');
      return { status: exception.status, code: exception.code, reasons: [exception.message, ...errors.slice(0, 20)] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, code: String(status), reasons: [exception.message] };
    }
    const parserStatus = (exception as { status?: number })?.status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      const problem = bodyParserProblem(exception as { status: number; type?: string; message?: string });
      return { status: problem.status, code: problem.code ?? String(problem.status), reasons: [problem.detail ?? problem.title ?? 'bad request'] };
    }
    this.logger.error({ err: exception, path }, 'unhandled error in a DSP endpoint');
    return { status: 500, code: 'internal_error', reasons: ['An unexpected error occurred'] };
  }
}
