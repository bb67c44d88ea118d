import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RESOURCE_ID_PATTERN } from '../../holders/dto/create-holder.dto';
import { AttestationInputDto } from './attestation-input.dto';

export class CreateAttestationDto extends AttestationInputDto {
  @ApiProperty({ example: 'member-with-start-date' })
  @Matches(RESOURCE_ID_PATTERN, { message: 'id must be 1-128 characters of A-Z a-z 0-9 . _ ~ -' })
  id: string;
}
