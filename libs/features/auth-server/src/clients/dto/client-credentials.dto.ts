import { ApiProperty } from '@nestjs/swagger';
import { ClientCredentials } from '../client';
import { CLIENT_EXAMPLE, ClientDto } from './client.dto';

export const CLIENT_CREDENTIALS_EXAMPLE = { ...CLIENT_EXAMPLE, clientSecret: 'q1Xx3b0r0Jr8m7GzQ0v3xJm9Yk2d1Lz9mWc7oKQhT2E' };

/** A client with its secret in clear: shown once, never stored or retrievable again. */
export class ClientCredentialsDto extends ClientDto {
  @ApiProperty({ description: 'Shown only in this response', example: CLIENT_CREDENTIALS_EXAMPLE.clientSecret })
  clientSecret: string;

  static fromCredentials(credentials: ClientCredentials): ClientCredentialsDto {
    return Object.assign(new ClientCredentialsDto(), ClientDto.from(credentials.client), { clientSecret: credentials.clientSecret });
  }
}
