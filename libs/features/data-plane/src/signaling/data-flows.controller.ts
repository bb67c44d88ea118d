import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, Roles } from '@dsaas/auth';
import { MESSAGE_ID_EXAMPLE, SignalingEndpoint } from '../common/api-docs';
import { DataFlowsService } from './data-flows.service';
import { EDR_EXAMPLE, PREPARE_EXAMPLE, START_EXAMPLE, status } from './signaling-examples';
import { SIGNALING_READ_SCOPE, SIGNALING_WRITE_SCOPE } from './signaling-scopes';

const SUSPEND = { messageId: MESSAGE_ID_EXAMPLE, reason: 'Suspending data flow due to scheduled maintenance.' };
const TERMINATE = { messageId: MESSAGE_ID_EXAMPLE, reason: 'The transfer was terminated by the consumer.' };
const STARTED_NOTIFICATION = { messageId: MESSAGE_ID_EXAMPLE, dataAddress: EDR_EXAMPLE };

/**
 * DPS (v1.0-RC3) data plane signaling API. Callers: the control plane's service client (role admin or
 * provisioner) or a participant whose context owns the flow, with scope signaling-api:write (read for status).
 */
@ApiTags('DPS: data flows')
@Controller('api/signaling/v1/dataflows')
@Roles('admin', 'provisioner', 'participant')
export class DataFlowsController {
  constructor(private readonly dataFlows: DataFlowsService) {}

  @Post('prepare')
  @RequireScopes(SIGNALING_WRITE_SCOPE)
  @SignalingEndpoint({ summary: 'Prepare a data flow (consumer side)', body: PREPARE_EXAMPLE, response: status('PREPARED'), conflict: true })
  prepare(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.dataFlows.prepare(principal, body);
  }

  @Post('start')
  @RequireScopes(SIGNALING_WRITE_SCOPE)
  @SignalingEndpoint({ summary: 'Start a data flow: pull answers the EDR, push starts writing to the destination', body: START_EXAMPLE, response: status('STARTED', EDR_EXAMPLE), conflict: true })
  start(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.dataFlows.start(principal, body);
  }

  @Post(':id/started')
  @RequireScopes(SIGNALING_WRITE_SCOPE)
  @SignalingEndpoint({ summary: 'The provider started the flow this data plane prepared', flowIdParam: true, body: STARTED_NOTIFICATION, response: status('STARTED'), conflict: true })
  started(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.dataFlows.started(principal, id, body);
  }

  @Post(':id/suspend')
  @RequireScopes(SIGNALING_WRITE_SCOPE)
  @SignalingEndpoint({ summary: 'Suspend a flow: EDR tokens are revoked, running transfers stop', flowIdParam: true, body: SUSPEND, response: status('SUSPENDED'), conflict: true })
  suspend(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.dataFlows.suspend(principal, id, body);
  }

  @Post(':id/resume')
  @RequireScopes(SIGNALING_WRITE_SCOPE)
  @SignalingEndpoint({ summary: 'Resume a suspended flow (pull: a new EDR)', flowIdParam: true, body: { messageId: MESSAGE_ID_EXAMPLE }, response: status('STARTED', EDR_EXAMPLE), conflict: true })
  resume(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.dataFlows.resume(principal, id, body);
  }

  @Post(':id/terminate')
  @RequireScopes(SIGNALING_WRITE_SCOPE)
  @SignalingEndpoint({ summary: 'Terminate a flow (idempotent): EDR tokens are revoked, running transfers stop', flowIdParam: true, body: TERMINATE, response: status('TERMINATED') })
  terminate(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.dataFlows.terminate(principal, id, body);
  }

  @Post(':id/completed')
  @RequireScopes(SIGNALING_WRITE_SCOPE)
  @SignalingEndpoint({ summary: 'The transfer completed (idempotent): the flow ends', flowIdParam: true, response: status('COMPLETED') })
  completed(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.dataFlows.completed(principal, id);
  }

  @Get(':id/status')
  @RequireScopes(SIGNALING_READ_SCOPE)
  @SignalingEndpoint({ summary: 'The state of a flow (DataFlowStatusResponseMessage)', flowIdParam: true, response: { dataFlowId: status('STARTED').dataFlowId, state: 'STARTED' } })
  status(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.dataFlows.status(principal, id);
  }
}
