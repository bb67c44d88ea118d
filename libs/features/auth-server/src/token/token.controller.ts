import { Controller, Header, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { Public } from '@dsaas/auth';
import { presentedCredentials } from './client-authentication';
import { OAuthError } from './oauth-error';
import { OAuthErrorFilter } from './oauth-error.filter';
import { IssuedToken, TokenService } from './token.service';
import { TOKEN_RESPONSE_EXAMPLE, TokenErrorDto, TokenRequestDto, TokenResponseDto } from './token-response.dto';

const FORM = 'application/x-www-form-urlencoded';

/** Reads one form parameter; a parameter sent twice is an invalid request (RFC 6749 §3.2). */
function single(form: Record<string, unknown>, name: string): string | undefined {
  const value = form[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new OAuthError('invalid_request', `${name} must be sent once`);
  return value;
}

@ApiTags('oauth2')
@Public()
@UseFilters(OAuthErrorFilter)
@Controller('oauth2')
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  // The raw request, not a DTO: RFC 6749 says unknown parameters are ignored, which the global
  // forbidNonWhitelisted ValidationPipe would refuse.
  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({ summary: 'OAuth2 client_credentials token endpoint (RFC 6749 §4.4)' })
  @ApiConsumes(FORM)
  @ApiBasicAuth()
  @ApiBody({ type: TokenRequestDto, examples: { basic: { value: { grant_type: 'client_credentials', scope: 'management-api:read' } } } })
  @ApiResponse({ status: 200, type: TokenResponseDto, schema: { example: TOKEN_RESPONSE_EXAMPLE } })
  @ApiResponse({
    status: 400,
    description: 'invalid_request, unsupported_grant_type or invalid_scope',
    type: TokenErrorDto,
    schema: { example: { error: 'invalid_scope', error_description: 'The client may not request: issuer-admin-api:write' } },
  })
  @ApiResponse({ status: 401, description: 'invalid_client', type: TokenErrorDto, schema: { example: { error: 'invalid_client', error_description: 'Client authentication failed' } } })
  async token(@Req() request: Request): Promise<IssuedToken> {
    if (!request.is(FORM)) throw new OAuthError('invalid_request', `The body must be ${FORM}`);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const clientId = single(form, 'client_id');
    const clientSecret = single(form, 'client_secret');
    const credentials = presentedCredentials(request.headers.authorization, { client_id: clientId, client_secret: clientSecret });
    return this.tokens.issue({
      ...credentials,
      grantType: single(form, 'grant_type'),
      scope: single(form, 'scope'),
    });
  }
}
