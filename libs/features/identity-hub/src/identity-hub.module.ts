import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublicUrl } from './common/public-url';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsService } from './credentials/credentials.service';
import { StoredCredentialRepository } from './credentials/stored-credential.repository';
import { IdentityHubEntities } from './database/identity-hub.database';
import { DidDocumentController } from './dids/did-document.controller';
import { DidDocumentsService } from './dids/did-documents.service';
import { DidsController } from './dids/dids.controller';
import { IdentityHubConfig } from './identity-hub.config';
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
      controllers: [ParticipantsController, DidsController, KeyPairsController, CredentialsController, DidDocumentController],
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
      ],
      exports: [ParticipantContextsService, KeyPairsService, DidDocumentsService],
    };
  }
}
