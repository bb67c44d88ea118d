import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { jsonResponse } from '../common/api-docs';
import { EdrSigningKeyService } from './edr-signing-key.service';

/** The public key EDR tokens are signed with, for anyone who wants to check one (e.g. a source behind the proxy). */
@ApiTags('public data proxy')
@Controller('.well-known')
@Public()
export class JwksController {
  constructor(private readonly keys: EdrSigningKeyService) {}

  @Get('jwks.json')
  @ApiOperation({ summary: 'JWKS of the EDR token signing key' })
  @(jsonResponse(200, 'The JWKS', { keys: [{ kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'data-plane-edr-1', use: 'sig', alg: 'ES256' }] }) as MethodDecorator)
  async jwks() {
    return { keys: [(await this.keys.key()).publicJwk] };
  }
}
