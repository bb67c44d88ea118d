import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Holder } from '../holder';

export const HOLDER_EXAMPLE = {
  holderId: 'acme',
  did: 'did:web:identity-hub.example.com:acme',
  name: 'ACME Corporation',
  properties: { membershipStartDate: '2026-01-01T00:00:00Z', membershipType: 'FullMember' },
  createdAt: '2026-01-01T12:00:00.000Z',
  updatedAt: '2026-01-01T12:00:00.000Z',
};

export class HolderDto {
  @ApiProperty({ example: HOLDER_EXAMPLE.holderId })
  holderId: string;

  @ApiProperty({ example: HOLDER_EXAMPLE.did })
  did: string;

  @ApiPropertyOptional({ example: HOLDER_EXAMPLE.name })
  name?: string;

  @ApiProperty({ example: HOLDER_EXAMPLE.properties })
  properties: Record<string, unknown>;

  @ApiProperty({ example: HOLDER_EXAMPLE.createdAt })
  createdAt: string;

  @ApiProperty({ example: HOLDER_EXAMPLE.updatedAt })
  updatedAt: string;

  static from(holder: Holder): HolderDto {
    return Object.assign(new HolderDto(), {
      holderId: holder.holderId,
      did: holder.did,
      name: holder.name,
      properties: holder.properties,
      createdAt: holder.createdAt.toISOString(),
      updatedAt: holder.updatedAt.toISOString(),
    });
  }
}
