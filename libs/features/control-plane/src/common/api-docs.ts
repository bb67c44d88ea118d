import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { PROBLEM_TYPE_BASE } from '@dsaas/model';

/** Problem-details example of the management API's OpenAPI description. */
export function problemExample(status: number, code: string, title: string, detail?: string, extra: Record<string, unknown> = {}) {
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, code, ...(detail ? { detail } : {}), ...extra };
}

export const EXAMPLE_CONTEXT_ID = 'acme';

const PROBLEMS = {
  400: { description: 'Malformed or invalid body (nothing is stored)', example: problemExample(400, 'validation_failed', 'Bad Request', 'The request is invalid', { errors: ['dataAddress.type is required'] }) },
  401: { description: 'No valid access token', example: problemExample(401, 'unauthenticated', 'Unauthorized', 'An access token is required') },
  403: { description: 'The token lacks the role or scope', example: problemExample(403, 'forbidden', 'Forbidden', 'The access token lacks the scopes: management-api:write') },
  404: { description: 'Not found (also for a participant context the token may not reach)', example: problemExample(404, 'not_found', 'Not Found', "Participant context 'acme' was not found") },
  409: { description: 'Conflict with the current state', example: problemExample(409, 'conflict', 'Conflict', "Asset 'asset-1' already exists") },
  413: { description: 'Body too large', example: problemExample(413, 'payload_too_large', 'Payload Too Large', 'The request body is too large') },
} as const;

export interface EndpointDocs {
  summary: string;
  /** Success status; 200 unless given. */
  status?: number;
  /** Example of the success body; omitted for 204. */
  response?: unknown;
  /** Example request body; `optional` for query endpoints that accept no body. */
  body?: { example: unknown; optional?: boolean; description?: string };
  /** Extra error statuses besides 401/403 (and 404 when `inContext`). */
  errors?: (keyof typeof PROBLEMS)[];
  /** Route under /participants/:ctxId (adds the parameter and the context 404). */
  inContext?: boolean;
  /** Name of a resource id path parameter. */
  idParam?: { name: string; example: string };
}

/** The OpenAPI description of one management endpoint: summary, parameters, examples and problem answers. */
export function ManagementEndpoint(docs: EndpointDocs): MethodDecorator {
  const status = docs.status ?? 200;
  const decorators: (MethodDecorator | ClassDecorator)[] = [ApiBearerAuth(), ApiOperation({ summary: docs.summary }), HttpCode(status)];
  if (docs.inContext) decorators.push(ApiParam({ name: 'ctxId', description: 'Participant context id', example: EXAMPLE_CONTEXT_ID }));
  if (docs.idParam) decorators.push(ApiParam({ name: docs.idParam.name, example: docs.idParam.example }));
  if (docs.body) {
    decorators.push(ApiBody({ required: !docs.body.optional, description: docs.body.description, schema: { type: 'object', example: docs.body.example } }));
  }
  decorators.push(
    status === 204
      ? ApiResponse({ status, description: 'Done, no body' })
      : ApiResponse({ status, description: 'Success', schema: { example: docs.response } }),
  );
  const errors = new Set<keyof typeof PROBLEMS>([401, 403, ...(docs.inContext ? [404 as const] : []), ...(docs.errors ?? [])]);
  for (const code of errors) {
    decorators.push(ApiResponse({ status: code, description: PROBLEMS[code].description, content: { 'application/problem+json': { example: PROBLEMS[code].example } } }));
  }
  return applyDecorators(...decorators);
}
