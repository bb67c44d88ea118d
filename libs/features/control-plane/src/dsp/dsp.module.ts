import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CredentialVerifier, DidResolver, JTI_REPLAY_STORE, PostgresJtiReplayStore, StaticTrustedIssuers } from '@dsaas/identity';
import { CatalogOfferSourceRepository } from '../catalog/catalog-offer-source.repository';
import { CatalogRequestsService } from '../catalog/catalog-requests.service';
import { CatalogService } from '../catalog/catalog.service';
import { DspCatalogController } from '../catalog/dsp-catalog.controller';
import { ManagementCatalogController } from '../catalog/management-catalog.controller';
import { AssetEntity } from '../database/asset.entity';
import { ContractDefinitionEntity } from '../database/contract-definition.entity';
import { DataPlaneEntity } from '../database/data-plane.entity';
import { ParticipantContextEntity } from '../database/participant-context.entity';
import { PolicyDefinitionEntity } from '../database/policy-definition.entity';
import { DspCallerAuthenticator } from '../dcp-client/dsp-caller.authenticator';
import { PresentationClient } from '../dcp-client/presentation.client';
import { StsClient } from '../dcp-client/sts.client';
import { DspAddresses } from './dsp-addresses';
import { allowHttpHosts, loadDspConfig, parseTrustedIssuers, DspConfig } from './dsp.config';
import { DSP_CREDENTIAL_VERIFIER, DSP_DID_RESOLVER } from './dsp.tokens';
import { DspHttpClient } from './dsp-http.client';
import { DspParticipantContextRepository } from './dsp-participant-context.repository';
import { DspRequestAuthenticator } from './dsp-request.authenticator';
import { DspVersionController } from './dsp-version.controller';
import { PolicyEvaluator } from './policy-evaluator';
import { TransferProcessEntity } from '../transfer/transfer-process.entity';
import { ContractAgreementEntity } from '../agreements/contract-agreement.entity';
import { ContractAgreementRepository } from '../agreements/contract-agreement.repository';
import { ContractNegotiationEntity } from '../negotiation/contract-negotiation.entity';
import { NEGOTIATION_CONTROLLERS, NEGOTIATION_PROVIDERS } from '../negotiation/negotiation.providers';
import { TRANSFER_CONTROLLERS, transferProviders } from '../transfer/transfer.providers';
import { CALLBACK_PROVIDERS } from '../callbacks/callback.providers';

/**
 * The Dataspace Protocol 2025-1 side of the control plane: DSP endpoints of every hosted context (catalog,
 * negotiation, transfer), DCP authentication of callers and of our own calls, the management endpoints that start
 * protocol work (catalog requests, negotiations, transfers) and the state machines behind them.
 */
@Module({})
export class DspModule {
  /** `env`: the service's configuration object (every environment variable); DSP variables are validated here. */
  static forRoot(env: object): DynamicModule {
    const config = loadDspConfig(env);
    const resolver = new DidResolver({ allowHttpHosts: allowHttpHosts(config), ttlMs: config.DID_CACHE_TTL_SECONDS * 1000, timeoutMs: config.DSP_CALL_TIMEOUT_MS });
    return {
      module: DspModule,
      imports: [TypeOrmModule.forFeature([ParticipantContextEntity, AssetEntity, PolicyDefinitionEntity, ContractDefinitionEntity, DataPlaneEntity, TransferProcessEntity, ContractNegotiationEntity, ContractAgreementEntity])],
      controllers: [DspVersionController, DspCatalogController, ManagementCatalogController, ...NEGOTIATION_CONTROLLERS, ...TRANSFER_CONTROLLERS],
      providers: [
        { provide: DspConfig, useValue: config },
        { provide: DSP_DID_RESOLVER, useValue: resolver },
        {
          provide: DSP_CREDENTIAL_VERIFIER,
          useValue: new CredentialVerifier({
            resolver,
            trustedIssuers: new StaticTrustedIssuers(parseTrustedIssuers(config.TRUSTED_ISSUERS)),
            allowHttpHosts: allowHttpHosts(config),
            timeoutMs: config.DSP_CALL_TIMEOUT_MS,
          }),
        },
        // The used_token table of our schema: a caller's token is accepted once, whichever replica it reaches.
        { provide: JTI_REPLAY_STORE, useFactory: (dataSource: DataSource) => new PostgresJtiReplayStore(dataSource), inject: [DataSource] },
        DspAddresses,
        DspParticipantContextRepository,
        PolicyEvaluator,
        StsClient,
        PresentationClient,
        DspCallerAuthenticator,
        DspRequestAuthenticator,
        DspHttpClient,
        CatalogOfferSourceRepository,
        CatalogService,
        CatalogRequestsService,
        ContractAgreementRepository,
        ...NEGOTIATION_PROVIDERS,
        ...transferProviders(env),
        ...CALLBACK_PROVIDERS,
      ],
    };
  }
}
