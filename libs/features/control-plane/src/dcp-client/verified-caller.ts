import type { PolicyAgentClaims } from '@dsaas/policy';

/** A DSP caller whose self-issued token and presentation were verified. */
export interface VerifiedCaller {
  /** Its DID (iss of the self-issued token, holder of the presentation). */
  did: string;
  /** What policies are evaluated on: `vc` = the verified credentials, as plain credential objects. */
  claims: PolicyAgentClaims;
}
