import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { EXAMPLE_JWT } from '../../common/api-docs';

export class ImportCredentialDto {
  @ApiProperty({ description: "A JWT VC (vc1_0_jwt or vc2_0_jose) whose credentialSubject.id is the context's DID", example: EXAMPLE_JWT })
  @IsString()
  @MaxLength(65536)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, { message: 'credential must be a compact JWT' })
  credential: string;
}
