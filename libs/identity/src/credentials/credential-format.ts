/**
 * How a credential is secured, with the names DCP's IssuerMetadata uses:
 * - `vc1_0_jwt`: VC Data Model 1.1 §6.3.1 JWT encoding (registered claims + a `vc` claim);
 * - `vc2_0_jose`: VC Data Model 2.0 secured with JOSE (VC-JOSE-COSE): the JWS payload is the credential itself.
 */
export type CredentialFormat = 'vc1_0_jwt' | 'vc2_0_jose';

export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = ['vc1_0_jwt', 'vc2_0_jose'];

export const VC_1_1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_2_0_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
