import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { contextPaths } from '../common/management-paths';
import { CATALOG_REQUEST_EXAMPLE, parseCatalogRequest } from './catalog-request';
import { CatalogRequestsService } from './catalog-requests.service';

const CATALOG_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'did:web:provider.example.com:bravo#catalog',
  '@type': 'Catalog',
  participantId: 'did:web:provider.example.com:bravo',
  service: [{ '@id': 'did:web:provider.example.com:bravo#dsp', '@type': 'DataService', endpointURL: 'https://provider.example.com/api/dsp/bravo/2025-1' }],
  dataset: [
    {
      '@id': 'asset-1',
      '@type': 'Dataset',
      hasPolicy: [{ '@id': 'ZGVmLTE=:YXNzZXQtMQ==:MTIz', '@type': 'Offer', permission: [{ action: 'use' }] }],
      distribution: [{ '@type': 'Distribution', format: 'HttpData-PULL', accessService: { '@id': 'did:web:provider.example.com:bravo#dsp', '@type': 'DataService', endpointURL: 'https://provider.example.com/api/dsp/bravo/2025-1' } }],
    },
  ],
};

@ApiTags('management: catalog')
@Controller(contextPaths('catalog'))
@Roles('admin', 'provisioner', 'participant')
export class ManagementCatalogController {
  constructor(private readonly catalogs: CatalogRequestsService) {}

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: "Request a counter-party's catalog over DSP 2025-1 (authenticated with DCP)",
    inContext: true,
    body: { example: CATALOG_REQUEST_EXAMPLE },
    response: CATALOG_EXAMPLE,
    errors: [400],
  })
  async request(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return this.catalogs.catalog(ctxId, parseCatalogRequest(body, 'CatalogRequest'));
  }

  @Post('dataset/request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: "Request one dataset of a counter-party's catalog",
    inContext: true,
    body: { example: { ...CATALOG_REQUEST_EXAMPLE, '@type': 'DatasetRequest', '@id': 'asset-1', querySpec: undefined } },
    response: CATALOG_EXAMPLE.dataset[0],
    errors: [400],
  })
  async dataset(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return this.catalogs.dataset(ctxId, parseCatalogRequest(body, 'DatasetRequest'));
  }
}
