import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { HolderInputDto } from './holder-input.dto';

export const RESOURCE_ID_PATTERN = /^[A-Za-z0-9._~-]{1,128}$/;

export class CreateHolderDto extends HolderInputDto {
  @ApiPropertyOptional({ description: 'Generated (a UUID) when omitted', example: 'acme' })
  @IsOptional()
  @Matches(RESOURCE_ID_PATTERN, { message: 'holderId must be 1-128 characters of A-Z a-z 0-9 . _ ~ -' })
  holderId?: string;
}
