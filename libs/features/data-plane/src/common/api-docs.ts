import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { problem } from '@dsaas/server';

export const FLOW_ID_EXAMPLE = '0f7c1a36-5a4e-4c3b-9d8e-2f1e5d6c7b8a';
export const MESSAGE_ID_EXAMPLE = 'b1d5f9e2-3c4b-4f7a-9c3e-2f1e5d6c7b8a';
export const EDR_TOKEN_EXAMPLE = 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImRhdGEtcGxhbmUtZWRyLTEifQ.eyJhdWQiOiIwZjdjMWEzNiJ9.c2lnbmF0dXJl';

/** A problem-details response with its example. */
export function problemResponse(status: number, description: string, detail: string, code?: string) {
  return ApiResponse({ status, description, content: { 'application/problem+json': { example: problem(status, detail, code) } } });
}

export function jsonResponse(status: number, description: string, example: unknown) {
  return ApiResponse({ status, description, content: { 'application/json': { example } } });
}

/** Docs of a DPS signaling endpoint: bearer auth, 200 answer, and the errors every one of them has. */
export function SignalingEndpoint(options: { summary: string; flowIdParam?: boolean; body?: unknown; response: unknown; conflict?: boolean }): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    ApiBearerAuth(),
    ApiOperation({ summary: options.summary }),
    ...(options.flowIdParam ? [ApiParam({ name: 'id', description: 'Data flow id (= transfer process id)', example: FLOW_ID_EXAMPLE })] : []),
    ...(options.body !== undefined ? [ApiBody({ schema: { type: 'object', example: options.body } })] : []),
    jsonResponse(200, 'DataFlowStatusMessage', options.response),
    problemResponse(400, 'Not a valid DPS message', 'DataFlowStartMessage: must have required property \'processId\'', 'dps_schema_violation'),
    problemResponse(401, 'No valid access token', 'An access token is required', 'unauthenticated'),
    problemResponse(403, 'Missing role or scope signaling-api:write / signaling-api:read', 'The access token lacks the scopes: signaling-api:write', 'forbidden'),
    ...(options.flowIdParam ? [problemResponse(404, 'No such flow (or one of another participant context)', `Data flow '${FLOW_ID_EXAMPLE}' was not found`)] : []),
    ...(options.conflict ? [problemResponse(409, 'The signal does not apply to the flow state', `Data flow '${FLOW_ID_EXAMPLE}' is TERMINATED: resume does not apply`, 'invalid_flow_state')] : []),
  );
}
