import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Role, ROLES } from '@dsaas/auth';

/** RFC 6749 client ids go into Basic auth, so no colon and nothing that needs escaping. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9._~-]{1,128}$/;
/** RFC 6749 §3.3 scope-token characters. */
export const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;

export class CreateClientDto {
  @ApiPropertyOptional({ description: 'Generated (a UUID) when omitted', example: 'acme-connector' })
  @IsOptional()
  @Matches(CLIENT_ID_PATTERN, { message: 'clientId must be 1-128 characters of A-Z a-z 0-9 . _ ~ -' })
  clientId?: string;

  @ApiProperty({ enum: ROLES, example: 'participant' })
  @IsIn(ROLES as unknown as string[])
  role: Role;

  @ApiPropertyOptional({ description: 'Required for role participant: the one context its tokens reach', example: 'acme-ctx' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._~:-]{1,128}$/, { message: 'participantContextId must be 1-128 URL-safe characters' })
  participantContextId?: string;

  @ApiProperty({ type: [String], example: ['management-api:read', 'management-api:write'] })
  @IsArray()
  @ArrayMaxSize(64)
  @Matches(SCOPE_PATTERN, { each: true, message: 'each scope must be a non-empty RFC 6749 scope token' })
  scopes: string[];
}
