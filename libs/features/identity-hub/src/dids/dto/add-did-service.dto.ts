import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Matches, MaxLength } from 'class-validator';

export class AddDidServiceDto {
  @ApiProperty({ description: 'Fragment (made absolute with the DID) or absolute DID URL', example: 'issuer-service' })
  @IsString()
  @MaxLength(512)
  @Matches(/^[^\s]+$/, { message: 'id must not contain whitespace' })
  id: string;

  @ApiProperty({ example: 'IssuerService' })
  @IsString()
  @MaxLength(128)
  @Matches(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: 'type must be a service type name' })
  type: string;

  @ApiProperty({ example: 'https://issuer.example.com/api/issuance/acme' })
  @MaxLength(2048)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  serviceEndpoint: string;
}
