import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { UnauthenticatedException } from '@dsaas/auth';
import {
  CredentialVerificationException,
  CredentialVerifier,
  DidResolutionException,
  DidResolver,
  JTI_REPLAY_STORE,
  JtiReplayStore,
  TokenVerificationException,
  VerifiedCredential,
  verifySelfIssuedToken,
} from '@dsaas/identity';
import type { VerifiedCredentialLike } from '@dsaas/policy';
import { DspConfig } from '../dsp/dsp.config';
import { DSP_CREDENTIAL_VERIFIER, DSP_DID_RESOLVER } from '../dsp/dsp.tokens';
import { isCredentialScope } from './dcp-scopes';
import { PresentationClient } from './presentation.client';
import { VerifiedCaller } from './verified-caller';

/** `Bearer <token>`, or the bare token some connectors send. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (match) return match[1];
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value) ? value : undefined;
}

/** A verified credential as policies read it: the credential JSON with its checked issuer, types and dates. */
export function toPolicyCredential(credential: VerifiedCredential): VerifiedCredentialLike {
  const body = (credential.payload.vc && typeof credential.payload.vc === 'object' ? credential.payload.vc : credential.payload) as Record<string, unknown>;
  const subject = body.credentialSubject ?? credential.subject;
  return {
    ...body,
    ...(credential.id ? { id: credential.id } : {}),
    type: credential.types,
    issuer: credential.issuer,
    credentialSubject: subject as Record<string, unknown>,
    ...(credential.validFrom ? { validFrom: credential.validFrom } : {}),
    ...(credential.validUntil ? { validUntil: credential.validUntil } : {}),
  };
}

/**
 * Authenticates a DSP request the DCP way: the caller's self-issued token (signed by a key of its DID, addressed
 * to our context's DID, used once), then its credentials: our STS token carrying the caller's access token goes to
 * the CredentialService of its DID document, and the returned presentation is verified (holder = caller,
 * audience = us, issuers trusted for their types, not revoked).
 */
@Injectable()
export class DspCallerAuthenticator {
  private readonly logger = new Logger('DspCallerAuthenticator');

  constructor(
    @Inject(DSP_DID_RESOLVER) private readonly resolver: DidResolver,
    @Inject(JTI_REPLAY_STORE) private readonly replay: JtiReplayStore,
    @Inject(DSP_CREDENTIAL_VERIFIER) private readonly verifier: CredentialVerifier,
    private readonly presentations: PresentationClient,
    private readonly config: DspConfig,
  ) {}

  /** 401 (with the reason) for a missing, forged, expired, replayed or misaddressed token or an unacceptable presentation. */
  async authenticate(authorization: string | undefined, context: { participantContextId: string; did: string }): Promise<VerifiedCaller> {
    const token = bearerTokenOf(authorization);
    if (!token) throw new UnauthenticatedException('A DCP self-issued token is required (Authorization: Bearer <token>)');
    let callerDid: string;
    let accessToken: string | undefined;
    try {
      const verified = await verifySelfIssuedToken(token, { audience: context.did, resolver: this.resolver, replay: this.replay });
      callerDid = verified.iss;
      accessToken = typeof verified.claims.token === 'string' && verified.claims.token ? verified.claims.token : undefined;
    } catch (error) {
      this.logger.warn({ participantContextId: context.participantContextId, reason: (error as { reason?: string }).reason, detail: (error as Error).message }, 'DSP caller refused');
      if (error instanceof DidResolutionException) throw new TokenVerificationException('unknown_key', `the token's key could not be resolved: ${error.message}`);
      throw error;
    }

    const scopes = this.scopesFor(accessToken);
    const jwtVps = await this.presentations.query({ participantContextId: context.participantContextId, ourDid: context.did, holderDid: callerDid, accessToken, scopes });
    const credentials: VerifiedCredentialLike[] = [];
    for (const jwtVp of jwtVps) {
      try {
        const presentation = await this.verifier.verifyPresentation(jwtVp, { audience: context.did, holderDid: callerDid });
        credentials.push(...presentation.credentials.map(toPolicyCredential));
      } catch (error) {
        if (error instanceof CredentialVerificationException) {
          this.logger.warn({ participantContextId: context.participantContextId, caller: callerDid, reason: error.reason, detail: error.message }, 'presentation refused');
        }
        throw error;
      }
    }
    return { did: callerDid, claims: { vc: credentials } };
  }

  /**
   * What to ask the caller's credential service for: exactly what its access token grants (asking for more would
   * be refused), else our default scopes.
   */
  private scopesFor(accessToken: string | undefined): string[] {
    if (accessToken) {
      try {
        const scope = decodeJwt(accessToken).scope;
        const granted = typeof scope === 'string' ? scope.split(/\s+/).filter(isCredentialScope) : [];
        if (granted.length) return granted;
      } catch {
        // Not a JWT we can read: its holder decides; ask for the defaults.
      }
    }
    return this.config.DCP_DEFAULT_SCOPES.split(/\s+/).filter(Boolean);
  }
}
