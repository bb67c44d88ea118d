import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@dsaas/auth';
import { IssuerServiceConfig } from '../issuer-service.config';
import { ISSUER_CTX_PARAM, notFound } from '../http/problem-examples';
import { StatusListCredentialsService } from './status-list-credentials.service';

export const VC_JWT_CONTENT_TYPE = 'application/vc+jwt';

/** Status list credentials, public so any verifier can check revocation. */
@ApiTags('DCP issuance')
@Public()
@Controller('api/issuance/:issuerCtxId/statuslists')
export class StatusListsController {
  constructor(private readonly credentials: StatusListCredentialsService, private readonly config: IssuerServiceConfig) {}

  @Get(':listId')
  @ApiOperation({ summary: 'The BitstringStatusListCredential of a status list, as a signed JWT VC' })
  @ApiParam(ISSUER_CTX_PARAM)
  @ApiParam({ name: 'listId', example: '6f1c1b0e-2c3d-4e5f-8a9b-0c1d2e3f4a5b' })
  @ApiResponse({
    status: 200,
    description: 'The signed status list credential',
    content: { [VC_JWT_CONTENT_TYPE]: { example: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImRpZDp3ZWI6aXNzdWVyLmV4YW1wbGUuY29tOmRhdGFzcGFjZS1pc3N1ZXIja2V5LTEifQ.eyJpc3MiOiJkaWQ6d2ViOi4uLiJ9.c2lnbmF0dXJl' } },
  })
  @ApiResponse(notFound('Status list', '6f1c1b0e-2c3d-4e5f-8a9b-0c1d2e3f4a5b'))
  async get(@Param('issuerCtxId') issuerCtxId: string, @Param('listId') listId: string, @Res() response: Response): Promise<void> {
    const jwt = await this.credentials.signedCredential(issuerCtxId, listId);
    response
      .status(200)
      .setHeader('Cache-Control', `public, max-age=${this.config.STATUS_LIST_TTL_SECONDS}`)
      .type(VC_JWT_CONTENT_TYPE)
      .send(jwt);
  }
}
