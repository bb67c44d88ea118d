import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DidResolver, JTI_REPLAY_STORE, PostgresJtiReplayStore } from '@dsaas/identity';
import { PublicUrl } from './common/public-url';
import { DCP_DID_RESOLVER, DcpAuthenticator } from './dcp/dcp-authenticator';
import { CredentialOfferRepository } from './issuance/credential-offer.repository';
import { CredentialRequestRepository } from './issuance/credential-request.repository';
import { CredentialRequestsController } from './issuance/credential-requests.controller';
import { CredentialRequestsService } from './issuance/credential-requests.service';
import { CredentialStorageService } from './issuance/credential-storage.service';
import { IssuerClient } from './issuance/issuer-client';
import { StorageController } from './issuance/storage.controller';
import { PresentationController } from './presentation/presentation.controller';
import { PresentationService } from './presentation/presentation.service';
import { AccessTokensService } from './sts/access-tokens.service';
import { StsController } from './sts/sts.controller';
import { StsService } from './sts/sts.service';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsService } from './credentials/credentials.service';
import { StoredCredentialRepository } from './credentials/stored-credential.repository';
import { IdentityHubEntities } from './database/identity-hub.database';
import { DidDocumentController } from './dids/did-document.controller';
import { DidDocumentsService } from './dids/did-documents.service';
import { DidsController } from './dids/dids.controller';
import { allowHttpHosts, IdentityHubConfig } from './identity-hub.config';
import { KeyMaterialService } from './keys/key-material.service';
import { KeyPairRepository } from './keys/key-pair.repository';
import { KeyPairsService } from './keys/key-pairs.service';
import { KeyPairsController } from './keys/keypairs.controller';
import { ParticipantContextRepository } from './participants/participant-context.repository';
import { ParticipantContextsService } from './participants/participant-contexts.service';
import { ParticipantsController } from './participants/participants.controller';

/**
 * The identity hub's features: participant contexts, DID documents, key pairs, credential store, STS and the
 * DCP credential service. Needs the service runtime (database with IdentityHubEntities, SECRET_STORE, auth guards).
 */
@Module({})
export class IdentityHubModule {
  static forRoot(config: IdentityHubConfig): DynamicModule {
    return {
      module: IdentityHubModule,
      imports: [TypeOrmModule.forFeature(IdentityHubEntities)],
      // CredentialRequestsController before CredentialsController: its `offers` and `requests` routes would
      // otherwise be taken for a credential `:id`.
      controllers: [
        ParticipantsController,
        DidsController,
        KeyPairsController,
        CredentialRequestsController,
        CredentialsController,
        StsController,
        PresentationController,
        StorageController,
        DidDocumentController,
      ],
      providers: [
        { provide: IdentityHubConfig, useValue: config },
        PublicUrl,
        ParticipantContextRepository,
        ParticipantContextsService,
        KeyPairRepository,
        KeyMaterialService,
        KeyPairsService,
        DidDocumentsService,
        StoredCredentialRepository,
        CredentialsService,
        {
          provide: DCP_DID_RESOLVER,
          useFactory: () => new DidResolver({ allowHttpHosts: allowHttpHosts(config), ttlMs: config.DID_CACHE_TTL_SECONDS * 1000 }),
        },
        // Shared by all replicas through the used_token table of the hub's schema.
        { provide: JTI_REPLAY_STORE, useFactory: (dataSource: DataSource) => new PostgresJtiReplayStore(dataSource), inject: [DataSource] },
        AccessTokensService,
        DcpAuthenticator,
        StsService,
        PresentationService,
        CredentialRequestRepository,
        CredentialOfferRepository,
        IssuerClient,
        CredentialRequestsService,
        CredentialStorageService,
      ],
      exports: [ParticipantContextsService, KeyPairsService, DidDocumentsService],
    };
  }
}
