import { randomUUID } from 'crypto';

const encode = (value: string): string => Buffer.from(value, 'utf8').toString('base64url');
const decode = (value: string): string => Buffer.from(value, 'base64url').toString('utf8');

export interface OfferIdParts {
  contractDefinitionId: string;
  assetId: string;
}

/** EDC's offer id shape: `base64url(definition):base64url(asset):base64url(random)`, so a request names both. */
export function createOfferId(parts: OfferIdParts): string {
  return `${encode(parts.contractDefinitionId)}:${encode(parts.assetId)}:${encode(randomUUID())}`;
}

/** The definition and asset an offer id names, or undefined for an id we did not make. */
export function parseOfferId(offerId: string): OfferIdParts | undefined {
  const parts = offerId.split(':');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  const contractDefinitionId = decode(parts[0]);
  const assetId = decode(parts[1]);
  if (!contractDefinitionId || !assetId || encode(contractDefinitionId) !== parts[0] || encode(assetId) !== parts[1]) return undefined;
  return { contractDefinitionId, assetId };
}
