import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ATTESTATION_TYPES, AttestationType } from '../attestation-definition';

export class DatabaseAttestationConfigDto {
  @ApiProperty({ enum: ['holders'], example: 'holders', description: "The issuer's member table, looked up by the holder's DID" })
  @IsIn(['holders'])
  table: 'holders';

  @ApiPropertyOptional({ type: [String], example: ['membershipStartDate'], description: 'Holder properties that must be present' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @IsString({ each: true })
  @Length(1, 128, { each: true })
  requiredProperties?: string[];
}

export class AttestationInputDto {
  @ApiProperty({ enum: ATTESTATION_TYPES, example: 'database' })
  @IsIn(ATTESTATION_TYPES as unknown as string[])
  type: AttestationType;

  @ApiProperty({ type: DatabaseAttestationConfigDto, example: { table: 'holders', requiredProperties: ['membershipStartDate'] } })
  @ValidateNested()
  @Type(() => DatabaseAttestationConfigDto)
  config: DatabaseAttestationConfigDto;
}
