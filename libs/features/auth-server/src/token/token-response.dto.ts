import { ApiProperty } from '@nestjs/swagger';

export const TOKEN_RESPONSE_EXAMPLE = {
  access_token: 'eyJhbGciOiJFUzI1NiIsImtpZCI6Ik56YkxzWGg4dURDY2QtNk1Od1hGNFdfN25vV1hGWkFmSGt4WnNSR0M5WHMiLCJ0eXAiOiJhdCtqd3QifQ...',
  token_type: 'Bearer',
  expires_in: 3600,
  scope: 'management-api:read management-api:write',
};

/** RFC 6749 §5.1 successful token response. */
export class TokenResponseDto {
  @ApiProperty({ example: TOKEN_RESPONSE_EXAMPLE.access_token })
  access_token: string;

  @ApiProperty({ example: 'Bearer' })
  token_type: 'Bearer';

  @ApiProperty({ example: 3600 })
  expires_in: number;

  @ApiProperty({ example: TOKEN_RESPONSE_EXAMPLE.scope })
  scope: string;
}

/** RFC 6749 §5.2 error response. */
export class TokenErrorDto {
  @ApiProperty({ enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'invalid_scope'], example: 'invalid_client' })
  error: string;

  @ApiProperty({ example: 'Client authentication failed' })
  error_description: string;
}

/** The form body of a client_credentials token request (documentation only: the endpoint reads the raw form). */
export class TokenRequestDto {
  @ApiProperty({ example: 'client_credentials' })
  grant_type: string;

  @ApiProperty({ required: false, example: 'management-api:read' })
  scope?: string;

  @ApiProperty({ required: false, description: 'client_secret_post only', example: 'acme-connector' })
  client_id?: string;

  @ApiProperty({ required: false, description: 'client_secret_post only', example: 'q1Xx3b0r0Jr8m7GzQ0v3xJm9Yk2d1Lz9mWc7oKQhT2E' })
  client_secret?: string;
}
