import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

export const DID_PATTERN = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

/** The fields of a holder a client sets (create and replace). */
export class HolderInputDto {
  @ApiProperty({ example: 'did:web:identity-hub.example.com:acme' })
  @Matches(DID_PATTERN, { message: 'did must be a DID (did:<method>:<id>)' })
  @Length(1, 512)
  did: string;

  @ApiPropertyOptional({ example: 'ACME Corporation' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  name?: string;

  @ApiPropertyOptional({
    description: 'Facts about the member that credential definitions may map into credentials',
    example: { membershipStartDate: '2026-01-01T00:00:00Z', membershipType: 'FullMember' },
  })
  @IsOptional()
  @IsObject()
  properties?: Record<string, unknown>;
}
