import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_JWT } from '../../common/api-docs';

export const STS_TOKEN_RESPONSE_EXAMPLE = { access_token: EXAMPLE_JWT, token_type: 'Bearer', expires_in: 300 };

/** OAuth2-style token response (RFC 6749 §5.1 names), as EDC's STS answers. */
export class StsTokenResponseDto {
  @ApiProperty({ description: 'The self-issued ID token (JWT)', example: STS_TOKEN_RESPONSE_EXAMPLE.access_token })
  access_token: string;

  @ApiProperty({ example: 'Bearer' })
  token_type: 'Bearer';

  @ApiProperty({ description: 'Seconds until it expires', example: 300 })
  expires_in: number;
}
