import { Injectable, Logger } from '@nestjs/common';
import { issueJwtPresentation } from '@dsaas/identity';
import { DCP_CONTEXT_URL, dcpValidator, PresentationResponseMessage } from '@dsaas/protocol-dcp';
import { participantContextNotFound } from '@dsaas/auth';
import { CredentialsService } from '../credentials/credentials.service';
import { DcpAuthenticator } from '../dcp/dcp-authenticator';
import { IdentityHubConfig } from '../identity-hub.config';
import { KeyPairsService } from '../keys/key-pairs.service';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { parseDcpScope } from '../sts/dcp-scope';
import { InvalidPresentationQueryException } from './invalid-presentation-query.exception';
import { PresentationDefinitionNotSupportedException } from './presentation-definition-not-supported.exception';
import { ScopeNotGrantedException } from './scope-not-granted.exception';

/** DCP §5.4 presentation query: the holder side of "prove what you hold". */
@Injectable()
export class PresentationService {
  private readonly logger = new Logger('Presentation');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly authenticator: DcpAuthenticator,
    private readonly credentials: CredentialsService,
    private readonly keyPairs: KeyPairsService,
    private readonly config: IdentityHubConfig,
  ) {}

  async query(participantContextId: string, authorization: string | undefined, body: unknown): Promise<PresentationResponseMessage> {
    const holder = await this.contexts.get(participantContextId);
    // A deactivated context presents nothing; to the outside it is gone, as its DID document is.
    if (holder.state !== 'active') throw participantContextNotFound(participantContextId);
    const caller = await this.authenticator.verifier(authorization, holder);

    const message = body as { scope?: unknown; presentationDefinition?: unknown };
    if (message && typeof message === 'object' && message.scope !== undefined && message.presentationDefinition !== undefined) {
      throw new InvalidPresentationQueryException('A PresentationQueryMessage carries either scope or presentationDefinition, not both', [
        'scope and presentationDefinition are mutually exclusive',
      ]);
    }
    dcpValidator.assertValid('PresentationQueryMessage', body);
    const query = body;
    if (query.presentationDefinition !== undefined) throw new PresentationDefinitionNotSupportedException();
    const requested = query.scope ?? [];
    if (requested.length === 0) throw new InvalidPresentationQueryException('scope must name at least one credential scope', ['scope is empty']);
    const parsed = requested.map((scope) => ({ scope, parsed: parseDcpScope(scope) }));
    const unknown = parsed.filter((entry) => !entry.parsed).map((entry) => entry.scope);
    if (unknown.length) throw new InvalidPresentationQueryException('Unsupported scope', unknown.map((scope) => `not a DCP credential scope: ${scope}`));
    const types = [...new Set(parsed.map((entry) => entry.parsed!.credentialType))];

    if (caller.grantedScopes) {
      const granted = new Set(caller.grantedScopes.map((scope) => parseDcpScope(scope)?.credentialType).filter(Boolean));
      const denied = types.filter((type) => !granted.has(type));
      if (denied.length) throw new ScopeNotGrantedException(`The access token does not grant: ${denied.join(', ')}`);
    }

    const matching = await this.credentials.currentlyValid(participantContextId, types);
    const signing = await this.keyPairs.signingMaterial(participantContextId);
    const presentation = await issueJwtPresentation({
      holderDid: holder.did,
      kid: signing.kid,
      privateJwk: signing.privateJwk,
      algorithm: signing.algorithm,
      audience: caller.did,
      credentials: matching.map((credential) => credential.raw),
      ttlSeconds: this.config.STS_TOKEN_TTL_SECONDS,
    });
    const response: PresentationResponseMessage = { '@context': [DCP_CONTEXT_URL], type: 'PresentationResponseMessage', presentation: [presentation] };
    dcpValidator.assertValid('PresentationResponseMessage', response);
    this.logger.log({ participantContextId, verifier: caller.did, types, credentials: matching.length }, 'presentation answered');
    return response;
  }
}
