import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { PresentationResponseMessage } from '@dsaas/protocol-dcp';
import { CONTEXT_ID_PARAM, CONTEXT_NOT_FOUND, problemExample } from '../common/api-docs';
import { PRESENTATION_QUERY_EXAMPLE, PRESENTATION_RESPONSE_EXAMPLE } from './dto/presentation-messages.examples';
import { PresentationService } from './presentation.service';

/** DCP credential service: presentation API. Authenticated by the caller's self-issued token, not our OAuth2. */
@ApiTags('DCP: credential service')
@Public()
@Controller('api/credentials/:ctxId/presentations')
export class PresentationController {
  constructor(private readonly presentations: PresentationService) {}

  @Post('query')
  @HttpCode(200)
  @ApiOperation({ summary: 'PresentationQueryMessage → PresentationResponseMessage with one JWT VP of the matching credentials' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiHeader({ name: 'Authorization', description: "Bearer <verifier's self-issued ID token, aud = holder DID, optionally with the holder's access token in `token`>" })
  @ApiBody({
    description: 'PresentationQueryMessage (DCP 1.0), validated against the official schema',
    schema: { type: 'object', example: PRESENTATION_QUERY_EXAMPLE },
    examples: {
      scope: { value: PRESENTATION_QUERY_EXAMPLE },
      edcAlias: { value: { ...PRESENTATION_QUERY_EXAMPLE, scope: ['org.eclipse.edc.vc.type:MembershipCredential:read'] } },
    },
  })
  @ApiResponse({ status: 200, description: 'PresentationResponseMessage', schema: { type: 'object', example: PRESENTATION_RESPONSE_EXAMPLE } })
  @ApiResponse({ status: 400, description: 'Invalid message, unknown scope, or both scope and presentationDefinition', schema: { example: problemExample(400, 'validation_failed', 'Bad Request') } })
  @ApiResponse({
    status: 401,
    description: 'Missing, expired, replayed, wrongly addressed or badly signed token',
    schema: { example: { ...problemExample(401, 'invalid_token', 'Unauthorized', 'token has expired'), reason: 'expired' } },
  })
  @ApiResponse({ status: 403, description: "Beyond the holder's access token", schema: { example: problemExample(403, 'scope_not_granted', 'Forbidden') } })
  @ApiResponse(CONTEXT_NOT_FOUND)
  @ApiResponse({ status: 501, description: 'presentationDefinition queries', schema: { example: problemExample(501, 'presentation_definition_not_supported', 'Not Implemented') } })
  query(@Param('ctxId') ctxId: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<PresentationResponseMessage> {
    return this.presentations.query(ctxId, authorization, body);
  }
}
