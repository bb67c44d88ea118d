import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, Roles } from '@dsaas/auth';
import { problemExample } from '../common/api-docs';
import { DataFlowEvent, SIGNALING_WRITE_SCOPE } from './data-flow-event';
import { DpsCallbacksService } from './dps-callbacks.service';

const ID_EXAMPLE = '0f7c1a36-5a4e-4c3b-9d8e-2f1e5d6c7b8a';

const EXAMPLES: Record<DataFlowEvent, Record<string, unknown>> = {
  prepared: { messageId: 'b1d5f9e2-3c4b-4f7a-9c3e-2f1e5d6c7b8a', dataFlowId: ID_EXAMPLE, state: 'PREPARED' },
  started: {
    messageId: 'b1d5f9e2-3c4b-4f7a-9c3e-2f1e5d6c7b8a',
    dataFlowId: ID_EXAMPLE,
    state: 'STARTED',
    dataAddress: {
      '@type': 'DataAddress',
      endpointType: 'https://w3id.org/idsa/v4.1/HTTP',
      endpoint: 'https://dataplane.example.com/api/public',
      endpointProperties: [
        { '@type': 'EndpointProperty', name: 'authorization', value: 'eyJhbGciOiJFUzI1NiJ9...' },
        { '@type': 'EndpointProperty', name: 'authType', value: 'bearer' },
      ],
    },
  },
  completed: { messageId: 'b1d5f9e2-3c4b-4f7a-9c3e-2f1e5d6c7b8a', dataFlowId: ID_EXAMPLE, state: 'COMPLETED' },
  errored: { messageId: 'b1d5f9e2-3c4b-4f7a-9c3e-2f1e5d6c7b8a', dataFlowId: ID_EXAMPLE, state: 'STARTED', error: 'Unrecoverable wire protocol error' },
};

function CallbackDocs(event: DataFlowEvent, summary: string): MethodDecorator {
  const problem = (status: number, code: string, title: string, detail: string) => ({ content: { 'application/problem+json': { example: problemExample(status, code, title, detail) } } });
  return applyDecorators(
    HttpCode(200),
    ApiBearerAuth(),
    ApiOperation({ summary }),
    ApiParam({ name: 'id', description: 'Transfer process id (= data flow id)', example: ID_EXAMPLE }),
    ApiBody({ description: 'DataFlowStatusMessage (DPS)', schema: { type: 'object', example: EXAMPLES[event] } }),
    ApiResponse({ status: 200, description: 'Applied (or already applied)', content: { 'application/json': { example: {} } } }),
    ApiResponse({ status: 400, description: 'Not a valid DataFlowStatusMessage', ...problem(400, 'dps_schema_violation', 'Bad Request', 'DataFlowStatusMessage: state must be equal to one of the allowed values') }),
    ApiResponse({ status: 401, description: 'No valid access token', ...problem(401, 'unauthenticated', 'Unauthorized', 'An access token is required') }),
    ApiResponse({ status: 403, description: 'Missing role or scope signaling-api:write', ...problem(403, 'forbidden', 'Forbidden', 'The access token lacks the scopes: signaling-api:write') }),
    ApiResponse({ status: 404, description: 'No such transfer (or one of another participant context)', ...problem(404, 'not_found', 'Not Found', `Transfer process '${ID_EXAMPLE}' was not found`) }),
    ApiResponse({ status: 409, description: 'The transfer is in a state the callback does not apply to', ...problem(409, 'invalid_transfer_state', 'Conflict', `Transfer process '${ID_EXAMPLE}' is TERMINATED (final)`) }),
  );
}

/**
 * DPS control-plane endpoint: a data plane reports on a flow it runs for one of our transfers. Callers: the data
 * plane's OAuth2 client, role admin or provisioner (our platform data plane) or participant of the context owning
 * the transfer (an edge data plane), with scope signaling-api:write.
 */
@ApiTags('DPS: data flow callbacks')
@Controller('api/signaling/v1/transfers/:id/dataflow')
@Roles('admin', 'provisioner', 'participant')
@RequireScopes(SIGNALING_WRITE_SCOPE)
export class DpsCallbacksController {
  constructor(private readonly callbacks: DpsCallbacksService) {}

  @Post('prepared')
  @CallbackDocs('prepared', 'The data plane prepared a flow (we never request a prepare: answered 409)')
  async prepared(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    await this.callbacks.handle(principal, id, 'prepared', body);
    return {};
  }

  @Post('started')
  @CallbackDocs('started', 'The data plane started a flow it had answered STARTING for (pull: with the EDR)')
  async started(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    await this.callbacks.handle(principal, id, 'started', body);
    return {};
  }

  @Post('completed')
  @CallbackDocs('completed', 'The data plane finished a flow (push): the transfer completes towards the consumer')
  async completed(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    await this.callbacks.handle(principal, id, 'completed', body);
    return {};
  }

  @Post('errored')
  @CallbackDocs('errored', 'The flow failed: the transfer is terminated towards the consumer with the error as reason')
  async errored(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    await this.callbacks.handle(principal, id, 'errored', body);
    return {};
  }
}
