import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXAMPLE_ISSUER_DID } from '../../common/api-docs';
import { CredentialRequest } from '../credential-request';

export const CREDENTIAL_REQUEST_EXAMPLE = {
  holderPid: '0b8f6f0e-3f7a-4c61-9a59-3b0e8c2d9f10',
  issuerDid: EXAMPLE_ISSUER_DID,
  issuerPid: 'c7e1f2a0-1d2b-4e5f-8a9b-0c1d2e3f4a5b',
  state: 'REQUESTED',
  credentials: [{ id: 'membership-credential-def', credentialType: 'MembershipCredential' }],
  createdAt: '2026-01-01T12:00:00.000Z',
  updatedAt: '2026-01-01T12:00:01.000Z',
};

export class CredentialRequestDto {
  @ApiProperty({ description: "The holder's id of the request (holderPid in DCP messages)", example: CREDENTIAL_REQUEST_EXAMPLE.holderPid })
  holderPid: string;

  @ApiProperty({ example: CREDENTIAL_REQUEST_EXAMPLE.issuerDid })
  issuerDid: string;

  @ApiPropertyOptional({ description: "The issuer's id (from its Location header)", example: CREDENTIAL_REQUEST_EXAMPLE.issuerPid })
  issuerPid?: string;

  @ApiProperty({ enum: ['REQUESTED', 'ISSUED', 'REJECTED', 'ERROR'], example: 'REQUESTED' })
  state: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, example: CREDENTIAL_REQUEST_EXAMPLE.credentials })
  credentials: object[];

  @ApiPropertyOptional({ description: "Why it was rejected or failed", example: 'final approval not granted' })
  errorDetail?: string;

  @ApiProperty({ example: CREDENTIAL_REQUEST_EXAMPLE.createdAt })
  createdAt: string;

  @ApiProperty({ example: CREDENTIAL_REQUEST_EXAMPLE.updatedAt })
  updatedAt: string;

  static from(request: CredentialRequest): CredentialRequestDto {
    return Object.assign(new CredentialRequestDto(), {
      holderPid: request.holderPid,
      issuerDid: request.issuerDid,
      issuerPid: request.issuerPid,
      state: request.state,
      credentials: request.credentials,
      errorDetail: request.errorDetail,
      createdAt: request.createdAt.toISOString(),
      updatedAt: request.updatedAt.toISOString(),
    });
  }
}
