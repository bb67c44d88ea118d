import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { AUTH_ADMIN_SCOPE_READ, AUTH_ADMIN_SCOPE_WRITE } from '../config/auth-server-options';
import { SIGNING_KEY_EXAMPLE, SigningKeyDto } from './signing-key.dto';
import { SigningKeysService } from './signing-keys.service';

const FORBIDDEN_EXAMPLE = { type: 'https://dsaas.dev/problems/forbidden', title: 'Forbidden', status: 403, code: 'forbidden' };

@ApiTags('auth-server admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/keys')
export class KeysController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get()
  @RequireScopes(AUTH_ADMIN_SCOPE_READ)
  @ApiOperation({ summary: 'Signing keys still in the JWKS, newest (the active one) first' })
  @ApiResponse({ status: 200, type: [SigningKeyDto], schema: { example: [SIGNING_KEY_EXAMPLE] } })
  @ApiResponse({ status: 403, description: 'Not an admin token with auth-admin-api:read', schema: { example: FORBIDDEN_EXAMPLE } })
  async list(): Promise<SigningKeyDto[]> {
    return (await this.keys.list()).map(SigningKeyDto.from);
  }

  @Post('rotate')
  @RequireScopes(AUTH_ADMIN_SCOPE_WRITE)
  @ApiOperation({ summary: 'Make a new signing key active; the old one stays in the JWKS until its tokens have expired' })
  @ApiBody({ required: false, description: 'No body', schema: { example: {} } })
  @ApiResponse({ status: 201, description: 'The new active key', type: SigningKeyDto, schema: { example: SIGNING_KEY_EXAMPLE } })
  @ApiResponse({ status: 403, description: 'Not an admin token with auth-admin-api:write', schema: { example: FORBIDDEN_EXAMPLE } })
  async rotate(): Promise<SigningKeyDto> {
    return SigningKeyDto.from(await this.keys.rotate());
  }
}
