import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '@dsaas/auth';
import { Client } from '../client';

export const CLIENT_EXAMPLE = {
  clientId: 'acme-connector',
  role: 'participant',
  participantContextId: 'acme-ctx',
  scopes: ['management-api:read', 'management-api:write'],
  createdAt: '2026-01-01T12:00:00.000Z',
  secretRotatedAt: '2026-01-01T12:00:00.000Z',
};

export class ClientDto {
  @ApiProperty({ example: CLIENT_EXAMPLE.clientId })
  clientId: string;

  @ApiProperty({ enum: ROLES, example: CLIENT_EXAMPLE.role })
  role: Role;

  @ApiPropertyOptional({ example: CLIENT_EXAMPLE.participantContextId })
  participantContextId?: string;

  @ApiProperty({ type: [String], example: CLIENT_EXAMPLE.scopes })
  scopes: string[];

  @ApiProperty({ example: CLIENT_EXAMPLE.createdAt })
  createdAt: string;

  @ApiProperty({ example: CLIENT_EXAMPLE.secretRotatedAt })
  secretRotatedAt: string;

  @ApiPropertyOptional({ description: 'Set once the client is revoked: the token endpoint refuses it' })
  revokedAt?: string;

  static from(client: Client): ClientDto {
    return Object.assign(new ClientDto(), {
      clientId: client.clientId,
      role: client.role,
      participantContextId: client.participantContextId,
      scopes: client.scopes,
      createdAt: client.createdAt.toISOString(),
      secretRotatedAt: client.secretRotatedAt.toISOString(),
      revokedAt: client.revokedAt?.toISOString(),
    });
  }
}
