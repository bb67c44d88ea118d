import { Inject, Injectable, Logger } from '@nestjs/common';
import { DidResolutionException, DidResolver, JTI_REPLAY_STORE, JtiReplayStore, TokenVerificationException, verifySelfIssuedToken } from '@dsaas/identity';
import { IdentityHubConfig } from '../identity-hub.config';
import { ParticipantContext } from '../participants/participant-context';
import { AccessTokensService } from '../sts/access-tokens.service';

export const DCP_DID_RESOLVER = Symbol.for('dsaas.identityHub.DidResolver');

export interface DcpCaller {
  /** The caller's DID (iss = sub of its self-issued token). */
  did: string;
  /** Scopes the holder granted in the access token of the `token` claim; undefined when there was none. */
  grantedScopes?: string[];
}

/** `Bearer <token>`, or the bare token some connectors send. */
function tokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  if (match) return match[1];
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(header.trim()) ? header.trim() : undefined;
}

/**
 * Authenticates callers of the DCP endpoints (verifiers, issuers) by their self-issued ID token: signature
 * against their resolved DID document, iss = sub, aud = the holder context's DID, not expired, jti used once.
 */
@Injectable()
export class DcpAuthenticator {
  private readonly logger = new Logger('DcpAuthenticator');

  constructor(
    @Inject(DCP_DID_RESOLVER) private readonly resolver: DidResolver,
    @Inject(JTI_REPLAY_STORE) private readonly replay: JtiReplayStore,
    private readonly accessTokens: AccessTokensService,
    private readonly config: IdentityHubConfig,
  ) {}

  /** A verifier asking for a presentation: its SI token, and the access token we minted for it, if any. */
  async verifier(authorization: string | undefined, holder: ParticipantContext): Promise<DcpCaller> {
    return this.guard(holder, async () => {
      const verified = await this.selfIssued(authorization, holder);
      const accessToken = verified.claims.token;
      if (typeof accessToken === 'string' && accessToken) {
        const granted = await this.accessTokens.verify(accessToken, holder, verified.iss);
        return { did: verified.iss, grantedScopes: granted.scopes };
      }
      if (this.config.PRESENTATION_REQUIRE_ACCESS_TOKEN) {
        throw new TokenVerificationException('malformed', 'the token carries no access token (token claim) from the holder');
      }
      return { did: verified.iss };
    });
  }

  /** An issuer delivering credentials or offers: its SI token addressed to the holder. */
  async issuer(authorization: string | undefined, holder: ParticipantContext): Promise<DcpCaller> {
    return this.guard(holder, async () => ({ did: (await this.selfIssued(authorization, holder)).iss }));
  }

  private async selfIssued(authorization: string | undefined, holder: ParticipantContext) {
    const token = tokenOf(authorization);
    if (!token) throw new TokenVerificationException('malformed', 'a self-issued ID token is required (Authorization: Bearer <token>)');
    try {
      // The jti is remembered last, once everything else holds, so a forged token cannot burn a genuine one.
      return await verifySelfIssuedToken(token, { audience: holder.did, resolver: this.resolver, replay: this.replay });
    } catch (error) {
      // A DID we cannot resolve (or a kid it does not list) cannot vouch for the token.
      if (error instanceof DidResolutionException) throw new TokenVerificationException('unknown_key', error.message);
      throw error;
    }
  }

  private async guard<T>(holder: ParticipantContext, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof TokenVerificationException) {
        this.logger.warn({ participantContextId: holder.participantContextId, reason: error.reason, detail: error.message }, 'DCP caller refused');
      }
      throw error;
    }
  }
}
