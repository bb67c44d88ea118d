import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { EXAMPLE_ISSUER_DID } from '../../common/api-docs';

export class RequestedCredentialDto {
  @ApiPropertyOptional({ description: "Credential object id from the issuer's metadata", example: 'membership-credential-def' })
  @ValidateIf((c: RequestedCredentialDto) => c.id !== undefined || c.credentialType === undefined)
  @IsString({ message: 'each credential needs an id or a credentialType' })
  @MaxLength(512)
  id?: string;

  @ApiPropertyOptional({ description: "Looked up in the issuer's metadata when no id is given", example: 'MembershipCredential' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  credentialType?: string;

  @ApiPropertyOptional({ example: 'vc1_0_jwt' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  format?: string;
}

export class RequestCredentialsDto {
  @ApiProperty({ example: EXAMPLE_ISSUER_DID })
  @IsString()
  @MaxLength(512)
  @Matches(/^did:web:\S+$/, { message: 'issuerDid must be a did:web DID' })
  issuerDid: string;

  @ApiProperty({ type: [RequestedCredentialDto], example: [{ credentialType: 'MembershipCredential', format: 'vc1_0_jwt' }] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => RequestedCredentialDto)
  credentials: RequestedCredentialDto[];
}
