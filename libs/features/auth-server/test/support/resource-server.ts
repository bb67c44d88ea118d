import { Controller, Get, Module, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, CurrentPrincipal, participantContextNotFound, Principal, RequireScopes, Roles } from '@dsaas/auth';
import { NotFoundException } from '@dsaas/model';
import { listen, platformProviders, RunningApp } from './auth-server-test-app';

/** Resources per participant context, as a management API would hold them. */
export const assets = new Map<string, Set<string>>();

@Controller('api/participants/:ctxId/assets')
class AssetsController {
  @Get(':assetId')
  @RequireScopes('management-api:read')
  @Roles('participant', 'provisioner', 'admin')
  get(@Param('ctxId') ctxId: string, @Param('assetId') assetId: string, @CurrentPrincipal() principal: Principal) {
    const own = assets.get(ctxId);
    if (!own) throw participantContextNotFound(ctxId);
    if (!own.has(assetId)) throw new NotFoundException('Asset', assetId);
    return { ctxId, assetId, readBy: principal.clientId };
  }
}

@Controller('api/provisioning')
class ProvisioningController {
  @Get()
  @Roles('provisioner', 'admin')
  get() {
    return { ok: true };
  }
}

@Module({ controllers: [AssetsController, ProvisioningController] })
class ResourceModule {}

/** Another service of the platform: it only knows the auth-server's JWKS URL, as with an external IdP. */
export async function startResourceServer(authServerUrl: string, issuer = 'http://auth.test'): Promise<RunningApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AuthModule.forRoot({ issuer, audience: 'dsaas', jwksUrl: `${authServerUrl}/.well-known/jwks.json`, jwksCooldownSeconds: 0, clockToleranceSeconds: 0 }),
      ResourceModule,
    ],
    providers: platformProviders,
  }).compile();
  return listen(moduleRef.createNestApplication({ bodyParser: false, logger: false }));
}
