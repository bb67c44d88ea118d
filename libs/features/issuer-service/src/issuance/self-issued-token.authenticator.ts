import { Inject, Injectable } from '@nestjs/common';
import { UnauthenticatedException } from '@dsaas/auth';
import { DidResolutionException, DidResolver, JTI_REPLAY_STORE, JtiReplayStore, TokenVerificationException, verifySelfIssuedToken } from '@dsaas/identity';
import { DID_RESOLVER } from '../issuer-service.tokens';

/** `Bearer <token>`, or the bare token some DCP implementations send. */
function tokenOf(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match ? match[1] : /^\S+$/.test(value) ? value : undefined;
}

/** Authenticates DCP callers by their self-issued ID token: signed by a key of their DID document, addressed to us. */
@Injectable()
export class SelfIssuedTokenAuthenticator {
  constructor(@Inject(DID_RESOLVER) private readonly resolver: DidResolver, @Inject(JTI_REPLAY_STORE) private readonly replay: JtiReplayStore) {}

  /** The caller's DID; 401 for a missing, invalid, expired, replayed or misaddressed token, or an unresolvable DID. */
  async authenticate(authorization: string | undefined, audience: string): Promise<string> {
    const token = tokenOf(authorization);
    if (!token) throw new UnauthenticatedException('A self-issued ID token is required (Authorization: Bearer <token>)');
    try {
      const verified = await verifySelfIssuedToken(token, { audience, resolver: this.resolver, replay: this.replay });
      return verified.iss;
    } catch (error) {
      if (error instanceof TokenVerificationException) throw error;
      if (error instanceof DidResolutionException) {
        // The caller's key could not be found: for the caller that is an authentication failure, not our error.
        throw new TokenVerificationException('unknown_key', `the token's key could not be resolved: ${error.message}`);
      }
      throw error;
    }
  }
}
