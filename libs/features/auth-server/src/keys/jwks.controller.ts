import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { SigningKeysService } from './signing-keys.service';

const JWKS_EXAMPLE = {
  keys: [
    {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
      kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
      alg: 'ES256',
      use: 'sig',
    },
  ],
};

@ApiTags('oauth2')
@Controller()
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get('.well-known/jwks.json')
  @Public()
  // Short: resource servers must see a rotated key soon. They refetch on an unknown kid anyway.
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Public keys that verify access tokens still in circulation (RFC 7517)' })
  @ApiOkResponse({ description: 'JSON Web Key Set', schema: { example: JWKS_EXAMPLE } })
  jwks() {
    return this.keys.jwks();
  }
}
