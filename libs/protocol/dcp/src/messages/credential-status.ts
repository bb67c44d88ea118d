/** Issuer service, `GET .../requests/{id}`: where a credential request stands. */
export interface CredentialStatus {
  '@context': string[];
  type: 'CredentialStatus';
  issuerPid: string;
  holderPid: string;
  status: 'RECEIVED' | 'REJECTED' | 'ISSUED';
}
