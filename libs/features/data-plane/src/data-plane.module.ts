import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ControlPlaneCallbackClient } from './callbacks/control-plane-callback.client';
import { DataPlaneClientToken } from './callbacks/data-plane-client-token';
import { DataPlaneMetrics } from './common/data-plane-metrics';
import { DataPlaneUrls } from './common/data-plane-urls';
import { DataPlaneConfig } from './data-plane.config';
import { EdrRefreshService } from './edr/edr-refresh.service';
import { EdrSigningKeyService } from './edr/edr-signing-key.service';
import { EdrTokenService } from './edr/edr-token.service';
import { JwksController } from './edr/jwks.controller';
import { ActiveTransfers } from './flows/active-transfers';
import { DataFlowEntity } from './flows/data-flow.entity';
import { DataFlowRepository } from './flows/data-flow.repository';
import { PublicProxyController } from './proxy/public-proxy.controller';
import { PublicProxyService } from './proxy/public-proxy.service';
import { SseStream } from './proxy/sse-stream';
import { FlowRunner } from './push/flow-runner';
import { HttpPush } from './push/http-push';
import { DataPlaneRegistrationService } from './registration/data-plane-registration.service';
import { DataFlowsController } from './signaling/data-flows.controller';
import { DataFlowsService } from './signaling/data-flows.service';
import { SourceSecretsController } from './secrets/source-secrets.controller';
import { SourceSecretsService } from './secrets/source-secrets.service';
import { HttpSourceClient } from './sources/http-source.client';
import { NatsPush } from './streaming/nats-push';

const CONTROLLERS = [DataFlowsController, PublicProxyController, JwksController, SourceSecretsController];
const PROVIDERS = [
  DataFlowRepository,
  DataFlowsService,
  ActiveTransfers,
  DataPlaneUrls,
  DataPlaneMetrics,
  EdrSigningKeyService,
  EdrTokenService,
  EdrRefreshService,
  HttpSourceClient,
  PublicProxyService,
  SseStream,
  HttpPush,
  NatsPush,
  FlowRunner,
  DataPlaneClientToken,
  ControlPlaneCallbackClient,
  DataPlaneRegistrationService,
  SourceSecretsService,
];

/** The data plane's features: DPS signaling, EDR tokens, the public proxy, push and streaming runners, registration. */
@Module({})
export class DataPlaneModule {
  static forRoot(config: DataPlaneConfig): DynamicModule {
    return { module: DataPlaneModule, imports: [TypeOrmModule.forFeature([DataFlowEntity])], controllers: CONTROLLERS, providers: [{ provide: DataPlaneConfig, useValue: config }, ...PROVIDERS] };
  }
}
