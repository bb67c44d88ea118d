import { withContext } from './json-ld';

/** What a creation answers, as EDC does: the new id and its creation time (epoch milliseconds). */
export function idResponse(id: string, createdAt: Date) {
  return withContext({ '@type': 'IdResponse', '@id': id, createdAt: createdAt.getTime() });
}

export const ID_RESPONSE_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@type': 'IdResponse',
  '@id': 'asset-1',
  createdAt: 1767268800000,
};
