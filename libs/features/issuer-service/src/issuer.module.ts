import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DidResolver, JTI_REPLAY_STORE, PostgresJtiReplayStore } from '@dsaas/identity';
import { AttestationDefinitionRepository } from './attestations/attestation-definition.repository';
import { AttestationsController } from './attestations/attestations.controller';
import { AttestationsService } from './attestations/attestations.service';
import { DidDocumentsController } from './contexts/did-documents.controller';
import { IssuerContextRepository } from './contexts/issuer-context.repository';
import { IssuerContextsController } from './contexts/issuer-contexts.controller';
import { IssuerContextsService } from './contexts/issuer-contexts.service';
import { CredentialDefinitionRepository } from './credential-definitions/credential-definition.repository';
import { CredentialDefinitionsController } from './credential-definitions/credential-definitions.controller';
import { CredentialDefinitionsService } from './credential-definitions/credential-definitions.service';
import { IssuedCredentialRepository } from './credentials/issued-credential.repository';
import { IssuedCredentialsController } from './credentials/issued-credentials.controller';
import { IssuedCredentialsService } from './credentials/issued-credentials.service';
import { IssuerServiceEntities } from './database/issuer-service.database';
import { HolderRepository } from './holders/holder.repository';
import { HoldersController } from './holders/holders.controller';
import { HoldersService } from './holders/holders.service';
import { CredentialIssuerService } from './issuance/credential-issuer.service';
import { CredentialRequestProcessor } from './issuance/credential-request.processor';
import { CredentialRequestRepository } from './issuance/credential-request.repository';
import { CredentialRequestsService } from './issuance/credential-requests.service';
import { HolderDeliveryClient } from './issuance/holder-delivery.client';
import { IssuanceController } from './issuance/issuance.controller';
import { SelfIssuedTokenAuthenticator } from './issuance/self-issued-token.authenticator';
import { allowHttpHosts, IssuerServiceConfig } from './issuer-service.config';
import { DID_RESOLVER } from './issuer-service.tokens';
import { StatusListCredentialsService } from './status-lists/status-list-credentials.service';
import { StatusListRepository } from './status-lists/status-list.repository';
import { StatusListsController } from './status-lists/status-lists.controller';
import { StatusListsService } from './status-lists/status-lists.service';

/** The issuer: issuer contexts, admin API, DCP issuance and status lists. Needs the runtime (database, bus, secrets). */
@Module({})
export class IssuerModule {
  static forRoot(config: IssuerServiceConfig): DynamicModule {
    return {
      module: IssuerModule,
      imports: [TypeOrmModule.forFeature(IssuerServiceEntities)],
      controllers: [
        IssuerContextsController,
        DidDocumentsController,
        HoldersController,
        AttestationsController,
        CredentialDefinitionsController,
        IssuedCredentialsController,
        IssuanceController,
        StatusListsController,
      ],
      providers: [
        { provide: IssuerServiceConfig, useValue: config },
        {
          provide: DID_RESOLVER,
          useValue: new DidResolver({
            allowHttpHosts: allowHttpHosts(config),
            ttlMs: config.DID_CACHE_TTL_SECONDS * 1000,
            timeoutMs: config.HOLDER_CALL_TIMEOUT_MS,
          }),
        },
        // The used_token table of our schema: a holder's token is accepted once, whichever replica it reaches.
        { provide: JTI_REPLAY_STORE, useFactory: (dataSource: DataSource) => new PostgresJtiReplayStore(dataSource), inject: [DataSource] },
        IssuerContextRepository,
        IssuerContextsService,
        HolderRepository,
        HoldersService,
        AttestationDefinitionRepository,
        AttestationsService,
        CredentialDefinitionRepository,
        CredentialDefinitionsService,
        IssuedCredentialRepository,
        IssuedCredentialsService,
        StatusListRepository,
        StatusListsService,
        StatusListCredentialsService,
        CredentialRequestRepository,
        CredentialRequestsService,
        CredentialIssuerService,
        HolderDeliveryClient,
        SelfIssuedTokenAuthenticator,
        CredentialRequestProcessor,
      ],
    };
  }
}
