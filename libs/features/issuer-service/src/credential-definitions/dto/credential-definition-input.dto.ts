import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { CredentialFormat } from '@dsaas/identity';
import { CREDENTIAL_FORMATS } from '../credential-definition';

const SOURCE_PATH = /^holder(\.[A-Za-z0-9_-]+)+$/;
const TARGET_PATH = /^credentialSubject(\.[A-Za-z0-9_-]+)+$/;
const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;

export class CredentialRuleDto {
  @ApiProperty({ enum: ['required', 'equals'], example: 'equals' })
  @IsIn(['required', 'equals'])
  type: 'required' | 'equals';

  @ApiProperty({ example: 'holder.properties.membershipType', description: 'Dotted path into the attestation data' })
  @Matches(SOURCE_PATH, { message: 'path must be a dotted path starting with holder.' })
  path: string;

  @ApiPropertyOptional({ example: 'FullMember', description: 'The value an `equals` rule expects' })
  @ValidateIf((rule: CredentialRuleDto) => rule.type === 'equals')
  @IsDefined({ message: 'value is required for an equals rule' })
  value?: unknown;
}

export class ClaimMappingDto {
  @ApiProperty({ example: 'holder.properties.membershipStartDate' })
  @Matches(SOURCE_PATH, { message: 'from must be a dotted path starting with holder.' })
  from: string;

  @ApiProperty({ example: 'credentialSubject.membership.since' })
  @Matches(TARGET_PATH, { message: 'to must be a dotted path starting with credentialSubject.' })
  to: string;

  @ApiPropertyOptional({ example: 'FullMember', description: 'Used when the source value is absent' })
  @IsOptional()
  default?: unknown;
}

export class CredentialDefinitionInputDto {
  @ApiProperty({ example: 'MembershipCredential', description: 'Added to the credential type list after VerifiableCredential' })
  @Matches(TYPE_PATTERN, { message: 'credentialType must be a name of letters, digits, _ and -' })
  credentialType: string;

  @ApiProperty({ enum: CREDENTIAL_FORMATS, example: 'vc1_0_jwt' })
  @IsIn(CREDENTIAL_FORMATS as unknown as string[])
  format: CredentialFormat;

  @ApiProperty({ example: 31536000, description: 'How long an issued credential is valid' })
  @IsInt()
  @Min(60)
  @Max(10 * 365 * 24 * 60 * 60)
  validitySeconds: number;

  @ApiProperty({ type: [String], example: ['holder-database'], description: 'Attestation definitions that must all succeed' })
  @IsArray()
  @ArrayMaxSize(16)
  @Length(1, 128, { each: true })
  attestations: string[];

  @ApiPropertyOptional({ type: [CredentialRuleDto], example: [{ type: 'equals', path: 'holder.properties.membershipType', value: 'FullMember' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => CredentialRuleDto)
  rules?: CredentialRuleDto[];

  @ApiPropertyOptional({ type: [ClaimMappingDto], example: [{ from: 'holder.properties.membershipStartDate', to: 'credentialSubject.membership.since' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => ClaimMappingDto)
  mappings?: ClaimMappingDto[];
}
