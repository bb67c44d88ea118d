import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, participantContextNotFound, Principal, reachesAnyContext, Roles } from '@dsaas/auth';
import { ValidationException } from '@dsaas/model';
import { BAD_REQUEST, CONTEXT_NOT_FOUND, FORBIDDEN, problemExample, UNAUTHORIZED } from '../common/api-docs';
import { StsTokenRequestDto } from './dto/sts-token-request.dto';
import { STS_TOKEN_RESPONSE_EXAMPLE, StsTokenResponseDto } from './dto/sts-token-response.dto';
import { StsService } from './sts.service';

@ApiTags('DCP: secure token service')
@ApiBearerAuth()
@Controller('api/sts')
export class StsController {
  constructor(private readonly sts: StsService) {}

  @Post('token')
  @HttpCode(200)
  @Roles('admin', 'provisioner', 'participant')
  @ApiOperation({ summary: 'Mint a self-issued ID token for a participant context (iss = sub = its DID, aud = the counter-party)' })
  @ApiBody({
    type: StsTokenRequestDto,
    examples: {
      consumer: { summary: 'grant the provider read access to our membership credential', value: { audience: 'did:web:provider.example.org:bravo', bearerAccessScope: 'org.eclipse.dspace.dcp.vc.type:MembershipCredential:read' } },
      provider: { summary: 'pass the consumer access token on', value: { participantContextId: 'acme', audience: 'did:web:consumer.example.org:charlie', token: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln' } },
    },
  })
  @ApiResponse({ status: 200, type: StsTokenResponseDto, schema: { example: STS_TOKEN_RESPONSE_EXAMPLE } })
  @ApiResponse({ ...BAD_REQUEST, description: 'Malformed body, unknown scope, or both token and bearerAccessScope' })
  @ApiResponse(UNAUTHORIZED)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(CONTEXT_NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The context is deactivated', schema: { example: problemExample(409, 'participant_context_deactivated', 'Conflict') } })
  async token(@Body() body: StsTokenRequestDto, @CurrentPrincipal() principal: Principal): Promise<StsTokenResponseDto> {
    const participantContextId = this.contextFor(principal, body.participantContextId);
    const { accessToken, expiresIn } = await this.sts.createToken(participantContextId, body);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn };
  }

  /** The body names the context, so ownership is checked here rather than by the route-parameter guard. */
  private contextFor(principal: Principal, requested?: string): string {
    if (reachesAnyContext(principal)) {
      if (!requested) throw new ValidationException('participantContextId is required for admin and provisioner tokens', ['participantContextId is required']);
      return requested;
    }
    const own = principal.participantContextId;
    if (!own || (requested !== undefined && requested !== own)) throw participantContextNotFound(requested ?? 'unknown');
    return own;
  }
}
