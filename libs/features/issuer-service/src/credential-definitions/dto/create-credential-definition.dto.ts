import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RESOURCE_ID_PATTERN } from '../../holders/dto/create-holder.dto';
import { CredentialDefinitionInputDto } from './credential-definition-input.dto';

export class CreateCredentialDefinitionDto extends CredentialDefinitionInputDto {
  @ApiProperty({ example: 'membership-credential', description: 'Also the CredentialObject id holders request' })
  @Matches(RESOURCE_ID_PATTERN, { message: 'id must be 1-128 characters of A-Z a-z 0-9 . _ ~ -' })
  id: string;
}
