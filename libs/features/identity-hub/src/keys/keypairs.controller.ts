import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { BAD_REQUEST, CONTEXT_ID_PARAM, CONTEXT_NOT_FOUND, FORBIDDEN, problemExample, UNAUTHORIZED } from '../common/api-docs';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { AddKeyPairDto } from './dto/add-key-pair.dto';
import { KEY_PAIR_EXAMPLE, KeyPairDto } from './dto/key-pair.dto';
import { RotateKeyPairDto } from './dto/rotate-key-pair.dto';
import { KeyPairsService } from './key-pairs.service';

const KEY_ID_PARAM = { name: 'keyId', example: 'key-1a2b3c4d5e6f' };
const KEY_NOT_FOUND = { status: 404, description: 'No such context or key', schema: { example: problemExample(404, 'not_found', 'Not Found', "Key pair 'key-1' was not found") } };
const KEY_CONFLICT = { status: 409, description: 'Key state forbids it', schema: { example: problemExample(409, 'key_pair_conflict', 'Conflict', "Key pair 'key-1' is the signing key; rotate it before revoking it") } };

@ApiTags('identity: keypairs')
@ApiBearerAuth()
@ApiResponse(UNAUTHORIZED)
@ApiResponse(FORBIDDEN)
@Roles('admin', 'provisioner', 'participant')
@Controller('api/identity/participants/:ctxId/keypairs')
export class KeyPairsController {
  constructor(private readonly keyPairs: KeyPairsService, private readonly contexts: ParticipantContextsService) {}

  @Get()
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: 'Key pairs of the context (public keys only), revoked ones included' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: [KeyPairDto], schema: { example: [KEY_PAIR_EXAMPLE] } })
  @ApiResponse(CONTEXT_NOT_FOUND)
  async list(@Param('ctxId') ctxId: string): Promise<KeyPairDto[]> {
    const keys = await this.keyPairs.list(ctxId);
    const { did } = await this.contexts.get(ctxId);
    return keys.map((key) => KeyPairDto.from(did, key));
  }

  @Post()
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Add a key pair (its public key joins the DID document)' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiBody({ type: AddKeyPairDto, examples: { ed25519: { value: { algorithm: 'EdDSA', makeDefault: false } }, named: { value: { keyId: 'key-2026', makeDefault: true } } } })
  @ApiResponse({ status: 201, type: KeyPairDto, schema: { example: KEY_PAIR_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(CONTEXT_NOT_FOUND)
  @ApiResponse(KEY_CONFLICT)
  async add(@Param('ctxId') ctxId: string, @Body() body: AddKeyPairDto): Promise<KeyPairDto> {
    const key = await this.keyPairs.add(ctxId, body);
    return KeyPairDto.from((await this.contexts.get(ctxId)).did, key);
  }

  @Post(':keyId/rotate')
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Rotate: a new key signs from now on; the old public key stays in the DID document until revoked' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiParam(KEY_ID_PARAM)
  @ApiBody({ type: RotateKeyPairDto, required: false, examples: { sameAlgorithm: { value: {} }, named: { value: { newKeyId: 'key-2027', algorithm: 'ES256' } } } })
  @ApiResponse({ status: 201, description: 'The new key', type: KeyPairDto, schema: { example: KEY_PAIR_EXAMPLE } })
  @ApiResponse(KEY_NOT_FOUND)
  @ApiResponse(KEY_CONFLICT)
  async rotate(@Param('ctxId') ctxId: string, @Param('keyId') keyId: string, @Body() body: RotateKeyPairDto): Promise<KeyPairDto> {
    const key = await this.keyPairs.rotate(ctxId, keyId, body ?? {});
    return KeyPairDto.from((await this.contexts.get(ctxId)).did, key);
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Revoke: the public key leaves the DID document and the private key is destroyed' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiParam(KEY_ID_PARAM)
  @ApiBody({ required: false, description: 'No body', schema: { example: {} } })
  @ApiResponse({ status: 200, type: KeyPairDto, schema: { example: { ...KEY_PAIR_EXAMPLE, state: 'revoked', isDefault: false, revokedAt: '2026-03-01T12:00:00.000Z' } } })
  @ApiResponse(KEY_NOT_FOUND)
  @ApiResponse(KEY_CONFLICT)
  async revoke(@Param('ctxId') ctxId: string, @Param('keyId') keyId: string): Promise<KeyPairDto> {
    const key = await this.keyPairs.revoke(ctxId, keyId);
    return KeyPairDto.from((await this.contexts.get(ctxId)).did, key);
  }
}
