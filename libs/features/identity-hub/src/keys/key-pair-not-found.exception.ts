import { NotFoundException } from '@dsaas/model';

export class KeyPairNotFoundException extends NotFoundException {
  constructor(keyId: string) {
    super('Key pair', keyId);
  }
}
