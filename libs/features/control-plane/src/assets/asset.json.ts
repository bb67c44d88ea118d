import { withContext } from '../common/json-ld';
import { Asset } from './asset';

/** Compact JSON-LD of an asset, as the EDC management API answers it. */
export function assetToJson(asset: Asset) {
  return withContext({
    '@id': asset.id,
    '@type': 'Asset',
    properties: asset.properties,
    privateProperties: asset.privateProperties,
    dataAddress: { '@type': 'DataAddress', ...asset.dataAddress },
    createdAt: asset.createdAt.getTime(),
  });
}

export const ASSET_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'asset-1',
  '@type': 'Asset',
  properties: { name: 'Weather data', contenttype: 'application/json' },
  privateProperties: { costCenter: 'cc-42' },
  dataAddress: { '@type': 'DataAddress', type: 'HttpData', baseUrl: 'https://data.example.com/weather', proxyPath: 'true', proxyQueryParams: 'true' },
};

export const ASSET_EXAMPLE = { ...ASSET_REQUEST_EXAMPLE, createdAt: 1767268800000 };
