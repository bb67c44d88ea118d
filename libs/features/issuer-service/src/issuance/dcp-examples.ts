import { DCP_CONTEXT_URL } from '@dsaas/protocol-dcp';

/** Examples of the DCP messages for the OpenAPI document. */
export const CREDENTIAL_REQUEST_EXAMPLE = {
  '@context': [DCP_CONTEXT_URL],
  type: 'CredentialRequestMessage',
  holderPid: 'b6c5e3e0-8d7a-4d53-9c44-0e5b2f1f6a10',
  credentials: [{ id: 'membership-credential' }],
};

export const CREDENTIAL_STATUS_EXAMPLE = {
  '@context': [DCP_CONTEXT_URL],
  type: 'CredentialStatus',
  issuerPid: '5e0f5a8e-1c2b-4d3e-9f4a-6b7c8d9e0f1a',
  holderPid: 'b6c5e3e0-8d7a-4d53-9c44-0e5b2f1f6a10',
  status: 'ISSUED',
};

export const ISSUER_METADATA_EXAMPLE = {
  '@context': [DCP_CONTEXT_URL],
  type: 'IssuerMetadata',
  issuer: 'did:web:issuer.example.com:dataspace-issuer',
  credentialsSupported: [
    {
      id: 'membership-credential',
      type: 'CredentialObject',
      credentialType: 'MembershipCredential',
      credentialSchema: 'https://www.w3.org/2018/credentials/v1',
      offerReason: 'issuance',
      bindingMethods: ['did:web'],
      profile: 'vc11-sl2021/jwt',
    },
  ],
};
