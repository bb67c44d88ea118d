import { IsString, IsUUID, Length } from 'class-validator';
import { defineSubject } from '@dsaas/contracts';

/**
 * Written to the outbox with the credential request row: the consumer evaluates, issues and delivers. Declared
 * here rather than in libs/contracts because only the issuer-service publishes and consumes it.
 */
export class CredentialRequestReceivedV1 {
  @IsUUID()
  requestId: string;

  @IsString()
  @Length(1, 128)
  issuerContextId: string;
}

export const CREDENTIAL_REQUEST_RECEIVED_V1 = defineSubject('issuer.credential-request.received', 1, CredentialRequestReceivedV1);
