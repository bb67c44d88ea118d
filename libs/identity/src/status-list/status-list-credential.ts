import { VC_2_0_CONTEXT } from '../credentials/credential-format';
import { isoDateTime } from '../credentials/credential-json';
import { BitstringStatusList } from './bitstring-status-list';

export type StatusPurpose = 'revocation' | 'suspension';

export interface BuildStatusListCredentialInput {
  /** The URL the credential is published at (the `statusListCredential` of every entry pointing into it). */
  id: string;
  issuerDid: string;
  list: BitstringStatusList;
  purpose?: StatusPurpose;
  /** Optional validity end, so verifiers refetch rather than trust a stale list forever. */
  validUntil?: Date;
}

/** Bitstring Status List v1.0 §2.2 BitstringStatusListCredential (unsigned; sign it with issueJwtCredential). */
export function buildStatusListCredential(input: BuildStatusListCredentialInput): Record<string, unknown> {
  const credential: Record<string, unknown> = {
    '@context': [VC_2_0_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerDid,
    validFrom: isoDateTime(Math.floor(Date.now() / 1000)),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.purpose ?? 'revocation',
      encodedList: input.list.encode(),
    },
  };
  if (input.validUntil) credential.validUntil = isoDateTime(Math.floor(input.validUntil.getTime() / 1000));
  return credential;
}

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
}

/** The `credentialStatus` of an issued credential pointing at bit `index` of the list published at `statusListCredential`. */
export function buildStatusListEntry(input: { statusListCredential: string; index: number; purpose?: StatusPurpose }): BitstringStatusListEntry {
  if (!Number.isInteger(input.index) || input.index < 0) throw new Error(`status list index must be a non-negative integer, got ${input.index}`);
  const purpose = input.purpose ?? 'revocation';
  return {
    id: `${input.statusListCredential}#${input.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(input.index),
    statusListCredential: input.statusListCredential,
  };
}
