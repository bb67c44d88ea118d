import { All, applyDecorators, Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@dsaas/auth';
import { EDR_TOKEN_EXAMPLE, FLOW_ID_EXAMPLE, jsonResponse, problemResponse } from '../common/api-docs';
import { EdrRefreshService } from '../edr/edr-refresh.service';
import { PublicProxyService } from './public-proxy.service';

function ProxyDocs(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiParam({ name: 'flowId', description: 'The data flow (= transfer process id) of the EDR', example: FLOW_ID_EXAMPLE }),
    ApiHeader({ name: 'Authorization', description: 'The EDR access token (`Bearer <token>`)', example: `Bearer ${EDR_TOKEN_EXAMPLE}` }),
    ApiBody({ required: false, description: 'Passed to the source when the data address says proxyBody "true"', schema: { type: 'object', example: { query: 'temperature' } } }),
    jsonResponse(200, "The source's answer, streamed (status, content type and body as the source sent them)", { station: 'BER', temperature: 21.5 }),
    problemResponse(401, 'No, a forged or an expired EDR token', 'The access token has expired', 'invalid_token'),
    problemResponse(403, 'A token of another flow, a revoked token, or the flow is suspended/terminated', 'The data flow is terminated', 'access_denied'),
    problemResponse(405, 'The data address does not pass this method through', 'This data address does not pass method DELETE through (proxyMethod is not "true")', 'method_not_allowed'),
    problemResponse(502, 'The source could not be read', 'the source could not be reached: connect ECONNREFUSED', 'source_unavailable'),
  );
}

/**
 * The public data proxy of pull flows (`/api/public/{flowId}[/path][?query]`). Authenticated by the EDR token this
 * data plane issued, not by the platform's OAuth2 tokens.
 */
@ApiTags('public data proxy')
@Controller('api/public')
@Public()
export class PublicProxyController {
  constructor(
    private readonly proxy: PublicProxyService,
    private readonly refresher: EdrRefreshService,
  ) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refresh an EDR access token (grant_type=refresh_token; the refresh token works once)' })
  @ApiBody({ schema: { type: 'object', example: { grant_type: 'refresh_token', refresh_token: 'MGY3YzFhMzY.q3Jx...' } } })
  @(jsonResponse(200, 'A new access token and refresh token', { access_token: EDR_TOKEN_EXAMPLE, token_type: 'Bearer', expires_in: 300, refresh_token: 'MGY3YzFhMzY.Zk9w...' }) as MethodDecorator)
  @(problemResponse(400, 'Unknown, used, or revoked refresh token', 'The refresh token is invalid or was already used', 'invalid_grant') as MethodDecorator)
  refresh(@Body() body: unknown) {
    return this.refresher.refresh(body);
  }

  @All(':flowId')
  @ProxyDocs('The asset of the flow, through the proxy')
  async root(@Param('flowId') flowId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.proxy.serve(flowId, request, response);
  }

  @All(':flowId/*path')
  @ProxyDocs('A sub-path of the asset (when the data address says proxyPath "true")')
  async sub(@Param('flowId') flowId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.proxy.serve(flowId, request, response);
  }
}
