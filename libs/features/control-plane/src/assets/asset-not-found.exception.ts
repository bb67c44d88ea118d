import { NotFoundException } from '@dsaas/model';

export class AssetNotFoundException extends NotFoundException {
  constructor(assetId: string) {
    super('Asset', assetId);
  }
}
