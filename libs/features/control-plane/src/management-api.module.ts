import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetRepository } from './assets/asset.repository';
import { AssetsController } from './assets/assets.controller';
import { AssetsService } from './assets/assets.service';
import { CelExpressionRepository } from './cel-expressions/cel-expression.repository';
import { CelExpressionsController } from './cel-expressions/cel-expressions.controller';
import { CelExpressionsService } from './cel-expressions/cel-expressions.service';
import { ContractDefinitionRepository } from './contract-definitions/contract-definition.repository';
import { ContractDefinitionsController } from './contract-definitions/contract-definitions.controller';
import { ContractDefinitionsService } from './contract-definitions/contract-definitions.service';
import { ControlPlaneEntities } from './database/control-plane.database';
import { DataPlaneRepository } from './dataplanes/data-plane.repository';
import { ContractAgreementRepository } from './agreements/contract-agreement.repository';
import { DataPlanesController } from './dataplanes/data-planes.controller';
import { DataPlanesService } from './dataplanes/data-planes.service';
import { ParticipantContextRepository } from './participants/participant-context.repository';
import { ParticipantContextsService } from './participants/participant-contexts.service';
import { ParticipantsController } from './participants/participants.controller';
import { PolicyDefinitionRepository } from './policies/policy-definition.repository';
import { PolicyDefinitionsController } from './policies/policy-definitions.controller';
import { PolicyDefinitionsService } from './policies/policy-definitions.service';

const REPOSITORIES = [ParticipantContextRepository, AssetRepository, PolicyDefinitionRepository, ContractDefinitionRepository, CelExpressionRepository, DataPlaneRepository, ContractAgreementRepository];

/**
 * The control plane's management API (`/api/mgmt/{v4alpha,v5beta}/...`). Exports the services and repositories
 * the DSP, negotiation and transfer features build on. Needs the service runtime (database, SECRET_STORE, auth).
 */
@Module({
  imports: [TypeOrmModule.forFeature(ControlPlaneEntities)],
  controllers: [ParticipantsController, AssetsController, PolicyDefinitionsController, ContractDefinitionsController, CelExpressionsController, DataPlanesController],
  providers: [...REPOSITORIES, ParticipantContextsService, AssetsService, PolicyDefinitionsService, ContractDefinitionsService, CelExpressionsService, DataPlanesService],
  exports: [...REPOSITORIES, ParticipantContextsService],
})
export class ManagementApiModule {}
