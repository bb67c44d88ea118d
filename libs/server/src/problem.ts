import { HttpStatus } from '@nestjs/common';
import { PROBLEM_TYPE_BASE, ProblemDetails } from '@dsaas/model';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'internal_error',
  501: 'not_implemented',
  503: 'service_unavailable',
};

export function problem(status: number, detail?: string, code?: string, extensions: Record<string, unknown> = {}): ProblemDetails {
  const resolvedCode = code ?? CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
  return {
    type: `${PROBLEM_TYPE_BASE}${resolvedCode}`,
    title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    code: resolvedCode,
    ...(detail ? { detail } : {}),
    ...extensions,
  };
}
