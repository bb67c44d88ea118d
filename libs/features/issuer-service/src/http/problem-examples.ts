import { ApiResponseOptions } from '@nestjs/swagger';

/** application/problem+json example bodies for the OpenAPI document. */
export function problemExample(status: number, code: string, title: string, detail?: string) {
  return { type: `https://dsaas.dev/problems/${code}`, title, status, code, ...(detail ? { detail } : {}) };
}

export const BAD_REQUEST: ApiResponseOptions = {
  status: 400,
  description: 'Malformed body',
  schema: { example: problemExample(400, 'validation_failed', 'Bad Request') },
};
export const UNAUTHENTICATED: ApiResponseOptions = {
  status: 401,
  description: 'No valid token',
  schema: { example: problemExample(401, 'unauthenticated', 'Unauthorized', 'An access token is required') },
};
export const FORBIDDEN: ApiResponseOptions = {
  status: 403,
  description: 'The token lacks the role or scope',
  schema: { example: problemExample(403, 'forbidden', 'Forbidden') },
};
export function notFound(what: string, example: string): ApiResponseOptions {
  return {
    status: 404,
    description: `No such ${what} (also for a context the token does not reach)`,
    schema: { example: problemExample(404, 'not_found', 'Not Found', `${what} '${example}' was not found`) },
  };
}
export function conflict(detail: string): ApiResponseOptions {
  return { status: 409, description: 'Already exists', schema: { example: problemExample(409, 'conflict', 'Conflict', detail) } };
}

/** Path parameter documentation of the issuer context id. */
export const ISSUER_CTX_PARAM = { name: 'issuerCtxId', example: 'dataspace-issuer' };

/** Scopes of the issuer admin API. */
export const ISSUER_ADMIN_READ = 'issuer-admin-api:read';
export const ISSUER_ADMIN_WRITE = 'issuer-admin-api:write';
