import { ConflictException } from '@dsaas/model';

/** The asset is named by a contract agreement in force: deleting it would leave the agreement without its asset. */
export class AssetInUseException extends ConflictException {
  constructor(assetId: string) {
    super(`Asset '${assetId}' is referenced by a contract agreement and cannot be deleted`);
  }
}
