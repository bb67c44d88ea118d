import { ConflictException } from '@dsaas/model';

export class AssetConflictException extends ConflictException {
  constructor(assetId: string) {
    super(`Asset '${assetId}' already exists`);
  }
}
